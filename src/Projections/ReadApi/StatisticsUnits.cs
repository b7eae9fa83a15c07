using Cases.Places;
using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>Statistics by ward or agency "as the units were" or "as the units are now" (issue 24).</summary>
public enum StatisticsUnits { Historical, Current }

/// <summary>
/// The regrouping that statistics by ward or agency use for each choice of units, from the administrative map's
/// versions. Wards are recorded by name on each case, agencies by id.
/// </summary>
public static class StatisticsUnitsOfTheMap
{
    public const string HistoricalText =
        "Units as they were (HISTORICAL): each count is under the ward or agency recorded on the case when it was counted; "
        + "a ward that a reform replaced is shown with the last day it existed when its name is used again by a unit now in force.";

    public const string CurrentText =
        "Units as they are now (CURRENT): each count of a ward or agency that a reform replaced is under its successor in force "
        + "today, following every reform since; a unit divided between several successors counts under its principal successor, "
        + "the first unit of the reform's map file that names it (the one the legal text lists first).";

    // One regrouping per map set, day and choice, each remembering its answers: a report maps a few thousand
    // (group, month) rows, the same ones request after request.
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AdministrativeMaps,
        System.Collections.Concurrent.ConcurrentDictionary<(LocalDate, StatisticsGrouping, StatisticsUnits), UnitRegrouping?>> Cache = new();

    /// <summary>The regrouping for <paramref name="grouping"/> and <paramref name="units"/>, or null where the map has no say.</summary>
    public static UnitRegrouping? For(AdministrativeMaps maps, LocalDate today, StatisticsGrouping grouping, StatisticsUnits units) =>
        Cache.GetOrCreateValue(maps).GetOrAdd((today, grouping, units), _ => Memoized(grouping == StatisticsGrouping.Ward ? WithEras(Build(maps, today, grouping, units), maps) : Build(maps, today, grouping, units)));

    static UnitRegrouping? Memoized(UnitRegrouping? r)
    {
        if (r is null) return null;
        var memo = new System.Collections.Concurrent.ConcurrentDictionary<(string, DateOnly), string>();
        return r with { Group = (g, m) => memo.GetOrAdd((g, m), k => r.Group(k.Item1, k.Item2)) };
    }

    // Wards are recorded by name, and a name can denote different units in different eras of the map; an agency id is
    // one agency whatever the month, so its mapping needs no eras.
    static UnitRegrouping? WithEras(UnitRegrouping? r, AdministrativeMaps maps) =>
        r is null ? null : r with { Eras = maps.Versions.Select(v => v.Effective.ToDateOnly()).ToList() };

    static UnitRegrouping? Build(AdministrativeMaps maps, LocalDate today, StatisticsGrouping grouping, StatisticsUnits units) =>
        (grouping, units) switch
        {
            (StatisticsGrouping.Ward, StatisticsUnits.Current) => new UnitRegrouping((name, month) =>
                maps.WardNamed(name, LocalDate.FromDateOnly(month)) is { } w ? maps.AreaNow(w.Area.Code, w.Version, today)?.Name ?? name : name, CurrentText),
            (StatisticsGrouping.Ward, StatisticsUnits.Historical) => Historical(maps, today),
            (StatisticsGrouping.Agency, StatisticsUnits.Current) => new UnitRegrouping((id, _) => id == "" ? id : maps.AgencyNow(id, today), CurrentText),
            (StatisticsGrouping.Agency, StatisticsUnits.Historical) => new UnitRegrouping((id, _) => id, HistoricalText) { Identity = true },
            _ => null,
        };

    static UnitRegrouping Historical(AdministrativeMaps maps, LocalDate today)
    {
        var now = maps.MapAt(today);
        return new UnitRegrouping((name, month) =>
        {
            if (maps.WardNamed(name, LocalDate.FromDateOnly(month)) is not { } w || maps.EndOf(w.Area.Code, w.Version) is not { } end) return name;
            // A former unit whose name a unit in force reuses: told apart by the day it ended.
            return now.Find(name) is null ? name : $"{name} (–{end:yyyy-MM-dd})";
        }, HistoricalText);
    }
}
