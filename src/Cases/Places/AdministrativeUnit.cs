namespace Cases.Places;

/// <summary>The level of a ward-level unit: an urban ward (phường), a rural commune (xã) or a township (thị trấn).</summary>
public enum WardLevel { Ward, Commune, Township }

/// <summary>
/// A ward, commune or township as cases name it (<see cref="Name"/>), with its code in the map files (<see cref="Slug"/>),
/// the area it belongs to and its approximate centre (WGS84 degrees; NaN when the map gives none).
/// </summary>
public sealed record AdministrativeUnit(string Slug, string Name, WardLevel Level, string District, double Latitude, double Longitude);
