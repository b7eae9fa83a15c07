using Cases.Domain;

namespace Cases.Places;

/// <summary>
/// The one place that knows the province's wards (issue 20): whether a ward a case names exists, which ward a point
/// lies in, and whether a point is in the province at all. Built over a list of units, so another map (issue 24's
/// post-2025 one, as dated data) is another instance, not another code path.
///
/// A point's ward is the unit whose centre is nearest (haversine), not a boundary test: no ward boundaries are held
/// here (only centres, to ~300 m). Near a boundary it can name the neighbour; the citizen sees the ward filled in
/// and may correct it, and staff can reclassify.
/// </summary>
public sealed class AdministrativeMap
{
    /// <summary>The map in force: Thừa Thiên Huế's units (<see cref="HueWards"/>) and the province's bounding box.</summary>
    public static readonly AdministrativeMap Current = new(HueWards.All, new Bounds(15.95, 16.80, 107.00, 108.30));

    /// <summary>A bounding box with a small margin: a point outside it is not the province's.</summary>
    public sealed record Bounds(double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude);

    readonly Dictionary<string, AdministrativeUnit> byName;

    public AdministrativeMap(IReadOnlyList<AdministrativeUnit> units, Bounds province)
    {
        Units = units;
        Province = province;
        byName = units.ToDictionary(u => u.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<AdministrativeUnit> Units { get; }
    public Bounds Province { get; }

    /// <summary>The unit of that exact name (as cases name it: "Phú Hội"), or null.</summary>
    public AdministrativeUnit? Find(string name) => byName.GetValueOrDefault(name.Trim());

    public bool InProvince(GeoPoint p) =>
        double.IsFinite(p.Latitude) && double.IsFinite(p.Longitude)
        && p.Latitude >= Province.MinLatitude && p.Latitude <= Province.MaxLatitude
        && p.Longitude >= Province.MinLongitude && p.Longitude <= Province.MaxLongitude;

    /// <summary>The unit whose centre is nearest the point; null for a point outside the province.</summary>
    public AdministrativeUnit? WardAt(GeoPoint p) =>
        InProvince(p) ? Units.MinBy(u => Meters(p, new GeoPoint(u.Latitude, u.Longitude))) : null;

    /// <summary>The great-circle distance in metres (haversine, mean Earth radius).</summary>
    public static double Meters(GeoPoint a, GeoPoint b)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(b.Latitude - a.Latitude);
        var dLon = Rad(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * 6371000 * Math.Asin(Math.Sqrt(h));
    }
}
