using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Cases.Places;

/// <summary>
/// Who the province is (issue 24), from configuration (<c>Province:*</c>), not code: its names, the tracking-code
/// prefix, the bounding box a point must be in, the time zone, the default language, and, for another province, the
/// directory of its own map files. The defaults are Huế's.
/// </summary>
public sealed record ProvinceIdentity
{
    public string Name { get; init; } = "thành phố Huế";
    public string NameEn { get; init; } = "Huế City";
    public string ShortName { get; init; } = "Huế";
    /// <summary>The start of every tracking code: HUE-2026-000123.</summary>
    public string TrackingPrefix { get; init; } = "HUE";
    public AdministrativeMap.Bounds Bounds { get; init; } = MapLibrary.HueBounds;
    /// <summary>The IANA zone of the province's clocks. Only Asia/Ho_Chi_Minh is supported today: the working calendar
    /// and the monthly statistics are computed in it (other zones are refused at start rather than half-applied).</summary>
    public string TimeZone { get; init; } = "Asia/Ho_Chi_Minh";
    public string DefaultLanguage { get; init; } = "vi";
    /// <summary>A directory of <c>map-*.txt</c> files used instead of the shipped ones, or null for Huế's.</summary>
    public string? MapDirectory { get; init; }

    public static ProvinceIdentity From(IConfiguration config)
    {
        var s = config.GetSection("Province");
        var p = new ProvinceIdentity();
        p = p with
        {
            Name = s["Name"] ?? p.Name,
            NameEn = s["NameEn"] ?? p.NameEn,
            ShortName = s["ShortName"] ?? p.ShortName,
            TrackingPrefix = s["TrackingPrefix"] ?? p.TrackingPrefix,
            TimeZone = s["TimeZone"] ?? p.TimeZone,
            DefaultLanguage = s["DefaultLanguage"] ?? p.DefaultLanguage,
            MapDirectory = s["MapDirectory"],
            Bounds = s["Bounds"] is { Length: > 0 } b ? ParseBounds(b) : p.Bounds,
        };
        if (!System.Text.RegularExpressions.Regex.IsMatch(p.TrackingPrefix, "^[A-Z]{2,8}$"))
            throw new ProvinceConfigurationException($"Province:TrackingPrefix '{p.TrackingPrefix}' must be 2 to 8 capital letters A-Z.");
        if (p.TimeZone != "Asia/Ho_Chi_Minh")
            throw new ProvinceConfigurationException($"Province:TimeZone '{p.TimeZone}' is not supported: the working calendar is Viet Nam's (Asia/Ho_Chi_Minh).");
        if (p.DefaultLanguage is not ("vi" or "en"))
            throw new ProvinceConfigurationException($"Province:DefaultLanguage '{p.DefaultLanguage}' must be vi or en.");
        return p;
    }

    /// <summary>"minLat,maxLat,minLon,maxLon".</summary>
    static AdministrativeMap.Bounds ParseBounds(string s)
    {
        var v = s.Split(',').Select(x => double.Parse(x.Trim(), CultureInfo.InvariantCulture)).ToArray();
        if (v.Length != 4 || v[0] >= v[1] || v[2] >= v[3])
            throw new ProvinceConfigurationException($"Province:Bounds '{s}' must be minLat,maxLat,minLon,maxLon.");
        return new AdministrativeMap.Bounds(v[0], v[1], v[2], v[3]);
    }

    /// <summary>The map files of <see cref="MapDirectory"/>, or null for the shipped ones.</summary>
    public IReadOnlyList<MapVersion>? LoadMapFiles() => MapDirectory is null ? null
        : Directory.GetFiles(MapDirectory, "map-*.txt").Order(StringComparer.Ordinal)
            .Select(f => MapFile.Parse(Path.GetFileName(f), File.ReadAllText(f))).ToList();
}

/// <summary>The <c>Province:*</c> settings are wrong: the host does not start, and says which setting and why.</summary>
public sealed class ProvinceConfigurationException(string message) : Exception(message);
