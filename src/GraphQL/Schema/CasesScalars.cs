using System.Globalization;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using NodaTime;
using NodaTime.Text;

namespace Cases.GraphQL.Schema;

/// <summary>
/// The Cases schema's date and time scalars over NodaTime. Instants are printed in the province's offset
/// (+07:00, DESIGN 2.4) so a reader sees local time and the exact instant at once; any offset is accepted.
/// </summary>
public static class CasesScalars
{
    public static readonly DateTimeZone Hue = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
    static readonly OffsetDateTimePattern Pattern = OffsetDateTimePattern.Rfc3339;

    public static readonly ScalarType DateTime = new("DateTime")
    {
        Description = "An instant, as an ISO-8601 date-time with offset. Output is in Asia/Ho_Chi_Minh time (+07:00).",
        SpecifiedByUrl = "https://scalars.graphql.org/chillicream/date-time.html",
        SerializeValue = v => v is Instant i ? Pattern.Format(i.InZone(Hue).ToOffsetDateTime())
            : throw new GraphQLException($"DateTime cannot represent value: {v}"),
        ParseValueFunc = v => v is string s ? ParseInstant(s) : throw new GraphQLException($"DateTime cannot represent value: {v}"),
        ParseLiteralFunc = (node, _) => node is StringValueNode s ? ParseInstant(s.Value)
            : throw new GraphQLException($"DateTime cannot represent value: {Printer.Print(node)}"),
    };

    public static readonly ScalarType LocalDate = new("LocalDate")
    {
        Description = "A calendar date (yyyy-MM-dd) in Asia/Ho_Chi_Minh.",
        SpecifiedByUrl = "https://scalars.graphql.org/chillicream/local-date.html",
        SerializeValue = v => v is NodaTime.LocalDate d ? LocalDatePattern.Iso.Format(d) : throw new GraphQLException($"LocalDate cannot represent value: {v}"),
        ParseValueFunc = v => v is string s && LocalDatePattern.Iso.Parse(s) is { Success: true } r ? r.Value
            : throw new GraphQLException($"LocalDate cannot represent value: {v}"),
        ParseLiteralFunc = (node, _) => node is StringValueNode s && LocalDatePattern.Iso.Parse(s.Value) is { Success: true } r ? r.Value
            : throw new GraphQLException($"LocalDate cannot represent value: {Printer.Print(node)}"),
    };

    static Instant ParseInstant(string s) =>
        Pattern.Parse(s) is { Success: true } r ? r.Value.ToInstant()
        : InstantPattern.ExtendedIso.Parse(s) is { Success: true } z ? z.Value
        : throw new GraphQLException($"DateTime cannot represent value: \"{s}\" (expected e.g. 2026-03-02T09:00:00+07:00)");

    public static string Format(Instant i) => Pattern.Format(i.InZone(Hue).ToOffsetDateTime());
    public static string FormatDate(NodaTime.LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
