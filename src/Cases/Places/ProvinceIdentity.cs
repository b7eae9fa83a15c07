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
    /// <summary>The province's own SLA catalogue (the format of the shipped <c>policies.txt</c>), or null for Huế's.</summary>
    public string? PolicyFile { get; init; }
    /// <summary>
    /// The working week every working-time limit is counted in (<c>Province:WorkingHours</c>, e.g.
    /// <c>"Mon-Fri 07:30-11:30,13:30-17:00; Sat 07:30-11:30"</c>); the state agencies' standard week by default. A
    /// make-up working day has the hours of the week's first working day. Holidays stay the calendar's.
    /// </summary>
    public Sla.WorkingWeek Week { get; init; } = Sla.WorkingWeek.Default;

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
            PolicyFile = s["PolicyFile"] is { Length: > 0 } f ? f : null,
            Week = s["WorkingHours"] is { Length: > 0 } w ? ParseWeek(w) : p.Week,
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

    static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>"Mon-Fri 07:30-11:30,13:30-17:00; Sat 07:30-11:30": days (a day or a range) and their periods.</summary>
    static Sla.WorkingWeek ParseWeek(string text)
    {
        ProvinceConfigurationException Bad(string why) => new($"Province:WorkingHours '{text}': {why}. Example: Mon-Fri 07:30-11:30,13:30-17:00; Sat 07:30-11:30");
        var periods = new Sla.WorkingPeriod[7][];
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (daysText, hoursText) = part.IndexOf(' ') is var space and > 0 ? (part[..space], part[(space + 1)..]) : throw Bad($"'{part}' needs days and hours");
            var range = daysText.ToLowerInvariant().Split('-');
            var (from, to) = (Array.IndexOf(Days, range[0]), Array.IndexOf(Days, range[^1]));
            if (range.Length > 2 || from < 0 || to < from) throw Bad($"'{daysText}' is not a day or a range of days (Mon..Sun)");
            Sla.WorkingPeriod[] hours;
            try
            {
                hours = [.. hoursText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(h =>
                {
                    var ends = h.Split('-');
                    if (ends.Length != 2) throw Bad($"'{h}' is not a period HH:mm-HH:mm");
                    return new Sla.WorkingPeriod(Time(ends[0]), Time(ends[1]));
                })];
            }
            catch (ArgumentException e) { throw Bad(e.Message); }
            for (var d = from; d <= to; d++)
            {
                if (periods[d] is not null) throw Bad($"{Days[d]} is given twice");
                periods[d] = hours;
            }
        }
        if (!periods.Any(p => p is { Length: > 0 })) throw Bad("no working day");

        NodaTime.LocalTime Time(string t) => NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(t) is { Success: true } r
            ? r.Value : throw Bad($"'{t}' is not a time HH:mm");
        try
        {
            var week = Sla.WorkingWeek.Default.WithMakeUpDay(periods.First(p => p is { Length: > 0 })!);
            // Working days first: a week is never without one, even between two of these steps.
            foreach (var d in Enumerable.Range(0, 7).OrderBy(d => periods[d] is { Length: > 0 } ? 0 : 1))
                week = week.WithDay((NodaTime.IsoDayOfWeek)(d + 1), periods[d] ?? []);
            return week;
        }
        catch (ArgumentException e) { throw Bad(e.Message); }
    }

    /// <summary>The SLA rules every node counts with: the policy catalogue (the province's file or the shipped one), over
    /// the shipped holiday calendar in the province's working week.</summary>
    public Sla.SlaRules Rules()
    {
        Sla.SlaPolicies policies;
        if (PolicyFile is null) policies = Sla.SlaPolicies.LoadEmbedded();
        else
        {
            try
            {
                using var reader = File.OpenText(PolicyFile);
                policies = Sla.SlaPolicies.Parse(Path.GetFileName(PolicyFile), reader);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Sla.PolicyDataException)
            {
                throw new ProvinceConfigurationException($"Province:PolicyFile '{PolicyFile}': {e.Message}");
            }
        }
        return Sla.SlaRules.For(Sla.CalendarLibrary.Embedded(Week), policies);
    }

    /// <summary>The map files of <see cref="MapDirectory"/>, or null for the shipped ones.</summary>
    public IReadOnlyList<MapVersion>? LoadMapFiles() => MapDirectory is null ? null
        : Directory.GetFiles(MapDirectory, "map-*.txt").Order(StringComparer.Ordinal)
            .Select(f => MapFile.Parse(Path.GetFileName(f), File.ReadAllText(f))).ToList();
}

/// <summary>The <c>Province:*</c> settings are wrong: the host does not start, and says which setting and why.</summary>
public sealed class ProvinceConfigurationException(string message) : Exception(message);
