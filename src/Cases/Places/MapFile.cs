using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Cases.Places;

/// <summary>The level of an area; ward-level units (<see cref="AreaLevels.IsWardLevel"/>) are where cases are placed.</summary>
public enum AreaLevel { Province, City, District, Ward, Commune, Township, SpecialZone }

public static class AreaLevels
{
    public static bool IsWardLevel(AreaLevel l) => l is AreaLevel.Ward or AreaLevel.Commune or AreaLevel.Township or AreaLevel.SpecialZone;

    public static string Slug(AreaLevel l) => l switch
    {
        AreaLevel.SpecialZone => "special_zone",
        _ => l.ToString().ToLowerInvariant(),
    };

    /// <summary>"phường Phú Hội", "xã Hải Dương", "thành phố Huế".</summary>
    public static string Vietnamese(AreaLevel l, string name) => l switch
    {
        AreaLevel.Province => $"tỉnh {name}",
        AreaLevel.City => $"thành phố {name}",
        AreaLevel.District => name,
        AreaLevel.Ward => $"phường {name}",
        AreaLevel.Commune => $"xã {name}",
        AreaLevel.Township => $"thị trấn {name}",
        _ => $"đặc khu {name}",
    };

    public static string English(AreaLevel l, string name) => l switch
    {
        AreaLevel.Province => $"{name} Province",
        AreaLevel.City => $"{name} City",
        AreaLevel.District => name,
        AreaLevel.Ward => $"{name} Ward",
        AreaLevel.Commune => $"{name} Commune",
        AreaLevel.Township => $"{name} Township",
        _ => $"{name} Special Zone",
    };
}

/// <summary>An area of one map version: a province or city, a district, or a ward-level unit with its centre.</summary>
public sealed record MapArea(string Code, AreaLevel Level, string? Parent, string Name, string NameEn, GeoPointOrNone Centre,
    IReadOnlyList<string> From, string? Provisional, int Line);

/// <summary>An approximate centre, or none (a district, or a unit whose centre is not known).</summary>
public readonly record struct GeoPointOrNone(double Latitude, double Longitude, bool Known);

/// <summary>A body cases are assigned to, in one map version.</summary>
public sealed record MapAgency(string Id, string Kind, string? Area, string Name, string NameEn, IReadOnlyList<string> From, string? Provisional, int Line);

/// <summary>A legal text a version rests on: its number, its date and what it decides.</summary>
public sealed record LegalBasis(string Document, LocalDate Date, string Text);

/// <summary>The province (or centrally-run city) as the version names it.</summary>
public sealed record MapProvince(string Code, string ShortName, string Name, string NameEn);

/// <summary>
/// One version of the administrative map (issue 24): the whole map in force from <see cref="Effective"/>, with the
/// legal texts it rests on. The format is <c>docs/admin-map-format.md</c>; <see cref="MapFile.Parse"/> reads it.
/// </summary>
public sealed record MapVersion(
    string FileName, string Version, LocalDate Effective, string Title, string TitleEn, IReadOnlyList<LegalBasis> Basis,
    MapProvince Province, IReadOnlyList<MapArea> Areas, IReadOnlyList<MapAgency> Agencies, string Content)
{
    /// <summary>Every provisional fact of the version, as "line N: code: why".</summary>
    public IEnumerable<string> Provisional =>
        Areas.Where(a => a.Provisional is not null).Select(a => (a.Line, a.Code, a.Provisional))
            .Concat(Agencies.Where(a => a.Provisional is not null).Select(a => (a.Line, Code: a.Id, a.Provisional)))
            .OrderBy(x => x.Line).Select(x => $"line {x.Line}: {x.Code}: {x.Provisional}");

    /// <summary>The line of the version's <c>effective</c> header, for errors about the version as a whole.</summary>
    public int EffectiveLine { get; init; } = 1;
}

/// <summary>A map file is malformed or contradicts itself or the versions before it: the file, the line and why.</summary>
public sealed class MapDataException(string fileName, int line, string problem)
    : Exception($"{fileName}:{line}: {problem}")
{
    public string FileName { get; } = fileName;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}

/// <summary>Reads a map file, checking everything that can be checked within it (the rest: <see cref="AdministrativeMaps"/>).</summary>
public static class MapFile
{
    public static MapVersion Parse(string fileName, string content)
    {
        string? version = null, title = null, titleEn = null;
        LocalDate? effective = null;
        var effectiveLine = 1;
        MapProvince? province = null;
        var basis = new List<LegalBasis>();
        var areas = new List<MapArea>();
        var agencies = new List<MapAgency>();
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = content.Replace("\r\n", "\n").Split('\n');

        for (var i = 0; i < lines.Length; i++)
        {
            var n = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var space = line.IndexOf(' ');
            var (keyword, rest) = space < 0 ? (line, "") : (line[..space], line[(space + 1)..].Trim());
            MapDataException Bad(string why) => new(fileName, n, why);
            string[] Fields(int min, int max)
            {
                var f = rest.Split('|').Select(x => x.Trim()).ToArray();
                if (f.Length < min || f.Length > max || f.Take(min).Any(x => x.Length == 0))
                    throw Bad($"'{keyword}' takes {min}{(max > min ? $" to {max}" : "")} fields separated by ' | ', got {f.Length}.");
                return f;
            }
            switch (keyword)
            {
                case "version":
                    if (version is not null) throw Bad("A second 'version' line.");
                    version = Fields(1, 1)[0];
                    break;
                case "effective":
                    if (effective is not null) throw Bad("A second 'effective' line.");
                    effective = Date(Fields(1, 1)[0], Bad);
                    effectiveLine = n;
                    break;
                case "title":
                    var t = Fields(2, 2);
                    (title, titleEn) = (t[0], t[1]);
                    break;
                case "basis":
                    var b = Fields(3, 3);
                    basis.Add(new LegalBasis(b[0], Date(b[1], Bad), b[2]));
                    break;
                case "province":
                    var p = Fields(4, 4);
                    province = new MapProvince(Code(p[0], Bad), p[1], p[2], p[3]);
                    break;
                case "area":
                {
                    var f = Fields(6, 8);
                    var code = Code(f[0], Bad);
                    if (codes.TryGetValue(code, out var first)) throw Bad($"Duplicate code '{code}' (first at line {first}).");
                    codes[code] = n;
                    var level = Level(f[1], Bad);
                    var centre = f[5] == "-" ? default : Centre(f[5], Bad);
                    var (from, provisional) = Tail(f.Skip(6), Bad);
                    areas.Add(new MapArea(code, level, f[2] == "-" ? null : f[2], f[3], f[4], centre, from, provisional, n));
                    break;
                }
                case "agency":
                {
                    var f = Fields(5, 7);
                    var id = Code(f[0], Bad);
                    if (codes.TryGetValue(id, out var first)) throw Bad($"Duplicate code '{id}' (first at line {first}).");
                    codes[id] = n;
                    var (from, provisional) = Tail(f.Skip(5), Bad);
                    agencies.Add(new MapAgency(id, Code(f[1], Bad), f[2] == "-" ? null : f[2], f[3], f[4], from, provisional, n));
                    break;
                }
                default:
                    throw Bad($"Unknown line '{keyword}': expected version, effective, title, basis, province, area or agency.");
            }
        }

        MapDataException Missing(string what) => new(fileName, 1, $"The file has no '{what}' line.");
        if (version is null) throw Missing("version");
        if (effective is null) throw Missing("effective");
        if (title is null) throw Missing("title");
        if (province is null) throw Missing("province");
        if (basis.Count == 0) throw Missing("basis");

        var areaCodes = areas.ToDictionary(a => a.Code);
        foreach (var a in areas)
        {
            if (a.Parent is { } parent && !areaCodes.ContainsKey(parent))
                throw new MapDataException(fileName, a.Line, $"Unknown parent '{parent}' of '{a.Code}': no area of this file has that code.");
            if (AreaLevels.IsWardLevel(a.Level) && a.Parent is null)
                throw new MapDataException(fileName, a.Line, $"The {AreaLevels.Slug(a.Level)} '{a.Code}' needs a parent area.");
        }
        foreach (var a in agencies)
            if (a.Area is { } area && !areaCodes.ContainsKey(area))
                throw new MapDataException(fileName, a.Line, $"Unknown area '{area}' of agency '{a.Id}': no area of this file has that code.");
        // A unit of this version succeeding a unit of this version would make the chain of successors loop back.
        foreach (var (code, from, line) in areas.Select(a => (a.Code, a.From, a.Line)).Concat(agencies.Select(a => (Code: a.Id, a.From, a.Line))))
            foreach (var predecessor in from)
                if (codes.TryGetValue(predecessor, out var at))
                    throw new MapDataException(fileName, line, predecessor == code
                        ? $"'{code}' names itself as its predecessor (a cycle of successors)."
                        : $"'{code}' succeeds '{predecessor}', which is in force in this same version (line {at}): a cycle of successors; a predecessor must be a unit of the version before.");
        if (!areas.Any(a => a.Code == province.Code))
            throw new MapDataException(fileName, 1, $"The province '{province.Code}' is not an area of the file.");

        return new MapVersion(fileName, version, effective.Value, title, titleEn!, basis, province, areas, agencies, content) { EffectiveLine = effectiveLine };
    }

    static readonly LocalDatePattern Iso = LocalDatePattern.Iso;

    static LocalDate Date(string s, Func<string, MapDataException> bad) =>
        Iso.Parse(s) is { Success: true } r ? r.Value : throw bad($"'{s}' is not a date (YYYY-MM-DD).");

    static string Code(string s, Func<string, MapDataException> bad) =>
        s.Length is > 0 and <= 80 && s.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_')
            ? s : throw bad($"'{s}' is not a code: lower-case ASCII letters, digits, '-' and '_', at most 80.");

    static AreaLevel Level(string s, Func<string, MapDataException> bad) => s switch
    {
        "province" => AreaLevel.Province,
        "city" => AreaLevel.City,
        "district" => AreaLevel.District,
        "ward" => AreaLevel.Ward,
        "commune" => AreaLevel.Commune,
        "township" => AreaLevel.Township,
        "special_zone" => AreaLevel.SpecialZone,
        _ => throw bad($"Unknown level '{s}': province, city, district, ward, commune, township or special_zone."),
    };

    static GeoPointOrNone Centre(string s, Func<string, MapDataException> bad)
    {
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && lat is >= -90 and <= 90
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && lon is >= -180 and <= 180)
            return new GeoPointOrNone(lat, lon, true);
        throw bad($"'{s}' is not a centre: latitude and longitude in decimal degrees, or '-'.");
    }

    static (IReadOnlyList<string> From, string? Provisional) Tail(IEnumerable<string> fields, Func<string, MapDataException> bad)
    {
        IReadOnlyList<string> from = [];
        string? provisional = null;
        foreach (var f in fields)
        {
            if (f.StartsWith("from ", StringComparison.Ordinal))
                from = f[5..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => Code(c, bad)).ToList();
            else if (f.StartsWith("provisional:", StringComparison.Ordinal) && f.Length > 12)
                provisional = f[12..].Trim();
            else
                throw bad($"'{f}' is neither 'from <codes>' nor 'provisional: <why>'.");
        }
        return (from, provisional);
    }
}
