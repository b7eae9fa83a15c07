using System.Globalization;
using Microsoft.Extensions.Primitives;
using NodaTime;

namespace Cases.GraphQL.Open311;

/// <summary>
/// A request's parameters, from the query string and (for a POST) the form body, merged: the body wins where both
/// name one, repeated values are one comma list, and an empty value is as if absent (GeoReport v2 clients send
/// every field of their form).
/// </summary>
public sealed class Open311Params
{
    readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public Open311Params(IEnumerable<KeyValuePair<string, StringValues>> query, IEnumerable<KeyValuePair<string, StringValues>>? form)
    {
        foreach (var source in form is null ? [query] : new[] { query, form })
            foreach (var (key, v) in source)
                if (string.Join(",", v.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim())) is { Length: > 0 } joined)
                    values[key] = joined;
    }

    public string? this[string name] => values.GetValueOrDefault(name);

    public bool Has(string name) => values.ContainsKey(name);
}

/// <summary>The checks of <c>GET requests</c> and <c>GET servicerequestupdates</c> (GeoReport v2 and its limits here).</summary>
public static class Open311Query
{
    public const int MaxPageSize = 1000;
    public static readonly Duration MaxWindow = Duration.FromDays(90);

    static readonly Dictionary<string, string[]> StatusGroups = new()
    {
        ["open"] = ["received", "verified", "in_progress", "waiting_for_citizen"],
        ["closed"] = ["resolved", "closed", "rejected"],
    };

    public static RequestsQuery Requests(Open311Params p, Instant now)
    {
        var (from, to) = Window(p, now);
        var ids = p["service_request_id"] is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList()
            : null;
        if (ids is { Count: > MaxPageSize }) throw Open311Error.BadRequest($"At most {MaxPageSize} service_request_id values at once.");
        string? category = null;
        if (p["service_code"] is { } code)
            category = (Open311Services.Find(code) ?? throw Open311Error.BadRequest($"Unknown service_code '{code}'.")).Category;
        List<string>? statuses = null;
        if (p["status"] is { } status)
        {
            statuses = [];
            foreach (var s in status.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                statuses.AddRange(StatusGroups.GetValueOrDefault(s.ToLowerInvariant()) ?? throw Open311Error.BadRequest($"status must be open or closed, not '{s}'."));
        }
        var page = Int(p, "page", 1, 1, 100_000);
        var size = Int(p, "page_size", MaxPageSize, 1, MaxPageSize);
        var extensions = p["extensions"] is { } ext
            ? bool.TryParse(ext, out var e) ? e : throw Open311Error.BadRequest("extensions must be true or false.")
            : false;
        return new RequestsQuery(ids, category, from, to, statuses, page, size, extensions);
    }

    /// <summary>
    /// <c>start_date</c> and <c>end_date</c> (both inclusive): by default the 90 days up to now; one alone reaches 90 days from (or to) it,
    /// never beyond now; a window longer than 90 days, reversed, or a date in another form is refused.
    /// </summary>
    public static (Instant From, Instant To) Window(Open311Params p, Instant now)
    {
        Instant? Date(string name) => p[name] is { } text
            ? Open311Time.Parse(text) ?? throw Open311Error.BadRequest($"{name} must be a W3C date-time such as 2026-03-02T09:00:00+07:00, not '{Cut(text)}'.")
            : null;
        var start = Date("start_date");
        var end = Date("end_date");
        var to = end ?? (start is { } s ? Min(s + MaxWindow, now) : now);
        var from = start ?? to - MaxWindow;
        if (to <= from) throw Open311Error.BadRequest("end_date must be after start_date.");
        if (to - from > MaxWindow) throw Open311Error.BadRequest("The date window is at most 90 days.");
        return (from, to);
    }

    static Instant Min(Instant a, Instant b) => a < b ? a : b;

    static int Int(Open311Params p, string name, int fallback, int min, int max)
    {
        if (p[name] is not { } text) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v : throw Open311Error.BadRequest($"{name} must be a whole number from {min} to {max}, not '{Cut(text)}'.");
    }

    /// <summary>A parameter quoted back in an error, cut short: a 5 MB value is not echoed.</summary>
    public static string Cut(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
