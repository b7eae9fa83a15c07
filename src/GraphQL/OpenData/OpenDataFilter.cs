using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace Cases.GraphQL.OpenData;

/// <summary>A bad parameter of an open-data download: 400 with a code and a message, never a 500.</summary>
public sealed class OpenDataError(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>
/// Which public cases a download holds: received from <c>from</c> to <c>to</c> (local dates, both inclusive, or whole
/// months as <c>2026-03</c>), of a category, in a ward, in a public status; null means any.
/// </summary>
public sealed partial record OpenDataFilter(Instant? From, Instant? To, string? Category, string? Ward, string? Status)
{
    static readonly string[] Statuses = ["received", "verified", "in_progress", "waiting_for_citizen", "resolved", "closed", "rejected"];
    static readonly DateTimeZone Hue = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public static OpenDataFilter Parse(Func<string, string?> get)
    {
        var from = Date(get("from"), "from", end: false);
        var to = Date(get("to"), "to", end: true);
        if (from is not null && to is not null && to <= from) throw new OpenDataError("to", "to must not be before from.");
        var status = Blank(get("status"))?.ToLowerInvariant();
        if (status is not null && !Statuses.Contains(status))
            throw new OpenDataError("status", $"status is one of {string.Join(", ", Statuses)}.");
        return new OpenDataFilter(from, to, Limited(get("category"), "category"), Limited(get("ward"), "ward"), status);
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static string? Limited(string? s, string field) => Blank(s) is { } v
        ? v.Length <= 100 ? v : throw new OpenDataError(field, $"{field} is at most 100 characters.")
        : null;

    /// <summary>A local date (or month) in Huế: the start of it for <c>from</c>, the start of the next for <c>to</c>.</summary>
    static Instant? Date(string? text, string field, bool end)
    {
        if (Blank(text) is not { } t) return null;
        if (LocalDatePattern.Iso.Parse(t) is { Success: true } d)
            return (end ? d.Value.PlusDays(1) : d.Value).AtStartOfDayInZone(Hue).ToInstant();
        if (Month().IsMatch(t) && YearMonthPattern.Iso.Parse(t) is { Success: true } m)
            return (end ? m.Value.OnDayOfMonth(1).PlusMonths(1) : m.Value.OnDayOfMonth(1)).AtStartOfDayInZone(Hue).ToInstant();
        throw new OpenDataError(field, $"{field} is a date (2026-03-02) or a month (2026-03).");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}$")]
    private static partial Regex Month();
}
