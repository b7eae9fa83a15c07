using NodaTime;
using NodaTime.Text;

namespace Cases.GraphQL.Open311;

/// <summary>
/// Times as GeoReport v2 writes them: W3C date-time (ISO 8601) in the province's zone, whole seconds, with the
/// offset (<c>2026-03-02T09:15:00+07:00</c>). Parameters are read in the same form, with <c>Z</c> or any offset, or
/// as a local date or date-time in Huế.
/// </summary>
public static class Open311Time
{
    public static readonly DateTimeZone Hue = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
    static readonly OffsetDateTimePattern Out = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");
    static readonly IPattern<OffsetDateTime>[] WithOffset =
        [OffsetDateTimePattern.ExtendedIso, OffsetDateTimePattern.Rfc3339, OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>")];
    static readonly IPattern<LocalDateTime>[] Local = [LocalDateTimePattern.ExtendedIso, LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm")];

    public static string Format(Instant at) => Out.Format(at.InZone(Hue).ToOffsetDateTime().With(t => t.PlusNanoseconds(-t.NanosecondOfSecond)));

    /// <summary>The instant a parameter names, or null when it is not a date-time in a form above.</summary>
    public static Instant? Parse(string text)
    {
        foreach (var p in WithOffset) if (p.Parse(text) is { Success: true } r) return r.Value.ToInstant();
        foreach (var p in Local) if (p.Parse(text) is { Success: true } r) return r.Value.InZoneLeniently(Hue).ToInstant();
        if (LocalDatePattern.Iso.Parse(text) is { Success: true } d) return d.Value.AtStartOfDayInZone(Hue).ToInstant();
        return null;
    }
}
