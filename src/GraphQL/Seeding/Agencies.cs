using Cases.Places;
using NodaTime;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// The bodies demo cases are assigned to: the agencies of the administrative map in force on the demo's reference
/// day (issue 24: the map files of Cases.Places), and how a topic's agency tokens resolve for a ward there. An agency
/// id a topic names that a reform ended resolves to its successor, so the demo follows the map, not this file.
/// </summary>
public static class Agencies
{
    static readonly AdministrativeMaps Maps = MapLibrary.Embedded();
    static readonly LocalDate Day = SeedOptions.DefaultReferenceNow.InZone(Cases.Sla.WorkingCalendar.Zone).Date;
    static readonly MapVersion InForce = Maps.InForce(Day);

    /// <summary>Every agency in force on the reference day, in the map file's order.</summary>
    public static readonly IReadOnlyList<Agency> All = InForce.Agencies
        .Select(a => new Agency(a.Id, a.Name, a.NameEn, a.Kind, InForce.Areas.FirstOrDefault(x => x.Code == a.Area && AreaLevels.IsWardLevel(x.Level))?.Name))
        .ToList();

    static string Of(string kind, string? area) =>
        InForce.Agencies.FirstOrDefault(a => a.Kind == kind && a.Area == area)?.Id
        ?? throw new InvalidOperationException($"The map {InForce.Version} has no {kind} for '{area}'.");

    public static string WardCommittee(Ward w) => Of("ward_committee", w.Slug);
    public static string WardPolice(Ward w) => Of("ward_police", w.Slug);

    /// <summary>The district's committee; where there is no district level (since 1 July 2025), the ward's own.</summary>
    public static string DistrictCommittee(Ward w) =>
        InForce.Agencies.FirstOrDefault(a => a.Kind == "district_committee" && a.Area == w.District)?.Id ?? WardCommittee(w);

    public static string DistrictPolice(Ward w) =>
        InForce.Agencies.FirstOrDefault(a => a.Kind == "district_police" && a.Area == w.District)?.Id ?? WardPolice(w);

    /// <summary>The agency in force on the reference day that <paramref name="id"/> is (itself, or its successor).</summary>
    public static string Current(string id) => Maps.AgencyNow(id, Day);

    /// <summary>The city's office when there is one in force; the successor of one that ended.</summary>
    public static string Fallback => Current("van-phong-ubnd-tinh");
}
