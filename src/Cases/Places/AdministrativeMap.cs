using Cases.Domain;
using NodaTime;

namespace Cases.Places;

/// <summary>
/// The wards and communes of one version of the map (issue 20; dated since issue 24, see <see cref="AdministrativeMaps"/>):
/// whether a ward a case names is in force, which ward a point lies in, whether a point is in the province, and which
/// unit replaced a ward that no longer exists.
///
/// A point's ward is the unit whose centre is nearest (haversine), not a boundary test: the map files hold centres
/// only (to a few hundred metres; no boundary data could be brought here). Near a boundary it can name the
/// neighbour; the citizen sees the ward filled in and may correct it, and staff can reclassify.
/// </summary>
public sealed class AdministrativeMap
{
    /// <summary>The map in force today among the versions shipped with the code (<see cref="MapLibrary.Embedded"/>).</summary>
    public static AdministrativeMap Current =>
        MapLibrary.Embedded().MapAt(SystemClock.Instance.GetCurrentInstant().InZone(Sla.WorkingCalendar.Zone).Date);

    /// <summary>A bounding box with a small margin: a point outside it is not the province's.</summary>
    public sealed record Bounds(double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude);

    readonly Dictionary<string, AdministrativeUnit> byName;
    readonly IReadOnlyDictionary<string, AdministrativeUnit> former;

    public AdministrativeMap(IReadOnlyList<AdministrativeUnit> units, Bounds province, LocalDate effective,
        IReadOnlyDictionary<string, AdministrativeUnit>? former = null)
    {
        Units = units;
        Province = province;
        Effective = effective;
        byName = units.ToDictionary(u => u.Name, StringComparer.Ordinal);
        this.former = former ?? new Dictionary<string, AdministrativeUnit>();
    }

    public IReadOnlyList<AdministrativeUnit> Units { get; }
    public Bounds Province { get; }

    /// <summary>The first day of this version.</summary>
    public LocalDate Effective { get; }

    /// <summary>The unit of that exact name (as cases name it: "Phú Hội"), or null.</summary>
    public AdministrativeUnit? Find(string name) => byName.GetValueOrDefault(name.Trim());

    /// <summary>The names of wards no longer in force (each has a <see cref="SuccessorOf"/>).</summary>
    public IEnumerable<string> FormerNames => former.Keys;

    /// <summary>For a ward no longer in force, the unit in force that succeeded it; null for a name never mapped.</summary>
    public AdministrativeUnit? SuccessorOf(string name) => former.GetValueOrDefault(name.Trim());

    public bool InProvince(GeoPoint p) =>
        double.IsFinite(p.Latitude) && double.IsFinite(p.Longitude)
        && p.Latitude >= Province.MinLatitude && p.Latitude <= Province.MaxLatitude
        && p.Longitude >= Province.MinLongitude && p.Longitude <= Province.MaxLongitude;

    /// <summary>The unit whose centre is nearest the point; null for a point outside the province.</summary>
    public AdministrativeUnit? WardAt(GeoPoint p) =>
        InProvince(p) ? Units.Where(u => double.IsFinite(u.Latitude)).MinBy(u => Meters(p, new GeoPoint(u.Latitude, u.Longitude))) : null;

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
