using NodaTime;

namespace Cases.Places;

/// <summary>
/// Every version of the administrative map, in date order, checked against each other (issue 24): each version's
/// effective date follows the one before; its predecessors (<c>from</c>) are units of the version before; and no
/// unit in force ends without a successor, so no case is ever left with a ward or an agency that no longer exists
/// and nowhere to go. Answers the dated questions: which map was in force on a day, what a unit is now called, and
/// which agencies a version ended.
/// </summary>
public sealed class AdministrativeMaps
{
    readonly List<MapVersion> versions;
    // successors[i]: for version i (from 1), each code of version i-1 to its principal successor in version i.
    readonly List<Dictionary<string, string>> successors = [];
    readonly Dictionary<string, AdministrativeMap> maps = new(StringComparer.Ordinal);
    readonly AdministrativeMap.Bounds bounds;

    AdministrativeMaps(List<MapVersion> versions, AdministrativeMap.Bounds bounds)
    {
        this.versions = versions;
        this.bounds = bounds;
    }

    public IReadOnlyList<MapVersion> Versions => versions;
    public AdministrativeMap.Bounds Province => bounds;

    /// <summary>The versions in date order, checked; throws <see cref="MapDataException"/> naming the later file's line.</summary>
    public static AdministrativeMaps Build(IEnumerable<MapVersion> all, AdministrativeMap.Bounds bounds)
    {
        var ordered = all.OrderBy(v => v.Effective).ThenBy(v => v.Version, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0) throw new ArgumentException("At least one map version is needed.", nameof(all));
        // A version that names as predecessor a unit which only a later-dated version has is dated before its predecessor.
        foreach (var v in ordered)
            foreach (var (code, from, line) in v.Areas.Select(a => (a.Code, a.From, a.Line)).Concat(v.Agencies.Select(a => (Code: a.Id, a.From, a.Line))))
                foreach (var p in from)
                {
                    var holders = ordered.Where(x => x.Areas.Any(a => a.Code == p) || x.Agencies.Any(a => a.Id == p)).ToList();
                    if (holders.Count > 0 && holders.All(x => x.Effective >= v.Effective))
                        throw new MapDataException(v.FileName, line, $"'{code}' succeeds '{p}', which is in force only from {holders[0].Effective:yyyy-MM-dd} (version {holders[0].Version}): this version, effective {v.Effective:yyyy-MM-dd}, is dated before its predecessor.");
                }
        var maps = new AdministrativeMaps(ordered, bounds);
        maps.successors.Add([]);
        for (var i = 1; i < ordered.Count; i++) maps.successors.Add(Check(ordered[i - 1], ordered[i]));
        return maps;
    }

    /// <summary>Checks <paramref name="next"/> against the version before it; returns each old code's principal successor.</summary>
    public static Dictionary<string, string> Check(MapVersion previous, MapVersion next)
    {
        MapDataException Bad(int line, string why) => new(next.FileName, line, why);
        if (next.Effective <= previous.Effective)
            throw Bad(next.EffectiveLine, $"Version {next.Version} takes effect on {next.Effective:yyyy-MM-dd}, not after the version before it ({previous.Version}, in force from {previous.Effective:yyyy-MM-dd}).");
        if (next.Version == previous.Version)
            throw Bad(1, $"Version {next.Version} is already the version before it.");

        var principal = new Dictionary<string, string>(StringComparer.Ordinal);
        void Link(IEnumerable<(string Code, IReadOnlyList<string> From, int Line)> units, HashSet<string> before, string what)
        {
            foreach (var (code, from, line) in units)
                foreach (var p in from)
                {
                    if (!before.Contains(p))
                        throw Bad(line, $"'{code}' succeeds '{p}', which is not {what} of the version before ({previous.Version}).");
                    principal.TryAdd(p, code); // the first unit of the file that names it
                }
        }
        var previousAreas = previous.Areas.Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        var previousAgencies = previous.Agencies.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        Link(next.Areas.Select(a => (a.Code, a.From, a.Line)), previousAreas, "an area");
        Link(next.Agencies.Select(a => (a.Id, a.From, a.Line)), previousAgencies, "an agency");

        var nextCodes = next.Areas.Select(a => a.Code).Concat(next.Agencies.Select(a => a.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var a in previous.Areas.Where(a => !nextCodes.Contains(a.Code) && !principal.ContainsKey(a.Code)))
            throw Bad(next.EffectiveLine, $"The area '{a.Code}' ({a.Name}) of version {previous.Version} is not in this version and no area names it in 'from': it would be succeeded by nothing.");
        foreach (var a in previous.Agencies.Where(a => !nextCodes.Contains(a.Id) && !principal.ContainsKey(a.Id)))
            throw Bad(next.EffectiveLine, $"The agency '{a.Id}' ({a.Name}) of version {previous.Version} is not in this version and no agency names it in 'from': it would be succeeded by nothing, and its open cases would have no agency.");
        // A unit that continues keeps its own code even when a neighbour also names it (part of its territory moved).
        foreach (var code in principal.Keys.Where(nextCodes.Contains).ToList()) principal[code] = code;
        return principal;
    }

    /// <summary>This set with one more version (checked against the one before and the one after it).</summary>
    public AdministrativeMaps With(MapVersion v) => Build(versions.Where(x => x.Version != v.Version).Append(v), bounds);

    int IndexAt(LocalDate date)
    {
        var i = versions.FindLastIndex(v => v.Effective <= date);
        return i < 0 ? 0 : i;
    }

    /// <summary>The version in force on <paramref name="date"/> (the first one for a date before every version).</summary>
    public MapVersion InForce(LocalDate date) => versions[IndexAt(date)];

    /// <summary>The wards and communes in force on <paramref name="date"/>, with the units that ended before it.</summary>
    public AdministrativeMap MapAt(LocalDate date)
    {
        var i = IndexAt(date);
        var v = versions[i];
        lock (maps)
        {
            if (maps.TryGetValue(v.Version, out var cached)) return cached;
            var units = v.Areas.Where(a => AreaLevels.IsWardLevel(a.Level)).Select(a => Unit(a, v)).ToList();
            var current = units.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
            // Units of earlier versions whose name is not in force here: to tell a citizen which unit replaced them.
            var former = new Dictionary<string, AdministrativeUnit>(StringComparer.Ordinal);
            for (var j = i - 1; j >= 0; j--)
                foreach (var a in versions[j].Areas.Where(a => AreaLevels.IsWardLevel(a.Level) && !current.Contains(a.Name)))
                    if (!former.ContainsKey(a.Name) && CodeIn(a.Code, j, i) is { } now && v.Areas.FirstOrDefault(x => x.Code == now) is { } successor)
                        former[a.Name] = Unit(successor, v);
            return maps[v.Version] = new AdministrativeMap(units, bounds, v.Effective, former);
        }
    }

    static AdministrativeUnit Unit(MapArea a, MapVersion v) => new(a.Code, a.Name, a.Level switch
    {
        AreaLevel.Commune => WardLevel.Commune,
        AreaLevel.Township => WardLevel.Township,
        _ => WardLevel.Ward,
    }, a.Parent ?? v.Province.Code, a.Centre.Known ? a.Centre.Latitude : double.NaN, a.Centre.Known ? a.Centre.Longitude : double.NaN);

    /// <summary>The code that a unit of version <paramref name="from"/> has in version <paramref name="to"/>, following principal successors.</summary>
    string? CodeIn(string code, int from, int to)
    {
        for (var k = from + 1; k <= to; k++)
        {
            var inNext = versions[k].Areas.Any(a => a.Code == code) || versions[k].Agencies.Any(a => a.Id == code);
            if (inNext) continue;
            if (!successors[k].TryGetValue(code, out var next)) return null;
            code = next;
        }
        return code;
    }

    int LastIndexWith(string code, int atOrBefore)
    {
        for (var j = atOrBefore; j >= 0; j--)
            if (versions[j].Areas.Any(a => a.Code == code) || versions[j].Agencies.Any(a => a.Id == code)) return j;
        return -1;
    }

    /// <summary>
    /// What an agency (by id) is on <paramref name="asOf"/>: itself while in force, else its principal successor,
    /// followed through every later version. Unknown ids map to themselves.
    /// </summary>
    public string AgencyNow(string id, LocalDate asOf)
    {
        var to = IndexAt(asOf);
        var j = LastIndexWith(id, to);
        return j < 0 ? id : CodeIn(id, j, to) ?? id;
    }

    /// <summary>
    /// The ward-level area a ward name recorded in <paramref name="month"/> denotes: the unit of that name in force
    /// then, or else the latest earlier unit of that name. Null for a name no version has.
    /// </summary>
    public (MapArea Area, int Version)? WardNamed(string name, LocalDate month)
    {
        for (var j = IndexAt(month); j >= 0; j--)
            if (versions[j].Areas.FirstOrDefault(a => a.Name == name && AreaLevels.IsWardLevel(a.Level)) is { } area) return (area, j);
        return null;
    }

    /// <summary>The ward-level unit, in force on <paramref name="asOf"/>, that the unit <paramref name="code"/> of version <paramref name="version"/> became.</summary>
    public MapArea? AreaNow(string code, int version, LocalDate asOf)
    {
        var to = IndexAt(asOf);
        if (version > to) return versions[version].Areas.FirstOrDefault(a => a.Code == code);
        return CodeIn(code, version, to) is { } now ? versions[to].Areas.FirstOrDefault(a => a.Code == now) : null;
    }

    /// <summary>The last day <paramref name="code"/> of version <paramref name="version"/> was in force, or null while it is.</summary>
    public LocalDate? EndOf(string code, int version) =>
        version + 1 < versions.Count && !versions[version + 1].Areas.Any(a => a.Code == code) && !versions[version + 1].Agencies.Any(a => a.Id == code)
            ? versions[version + 1].Effective.PlusDays(-1)
            : null;

    /// <summary>The agencies of the version before <paramref name="v"/> that <paramref name="v"/> ends, each with its principal successor.</summary>
    public IReadOnlyList<(MapAgency Ended, MapAgency Successor)> EndedAgencies(MapVersion v)
    {
        var i = versions.IndexOf(v);
        if (i <= 0) return [];
        var next = v.Agencies.ToDictionary(a => a.Id, StringComparer.Ordinal);
        return versions[i - 1].Agencies.Where(a => !next.ContainsKey(a.Id))
            .Select(a => (a, next[successors[i][a.Id]])).ToList();
    }

    /// <summary>Every agency of every version up to the one in force on <paramref name="today"/>, the latest form of each,
    /// with the day it ended and its successor now (both null while it is in force).</summary>
    public IEnumerable<(MapAgency Agency, LocalDate? EndedOn, string? Successor)> AllAgencies(LocalDate today)
    {
        var to = IndexAt(today);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = to; j >= 0; j--)
            foreach (var a in versions[j].Agencies.Where(a => seen.Add(a.Id)))
                yield return j == to ? (a, null, null) : (a, EndOf(a.Id, j), AgencyNow(a.Id, today));
    }
}
