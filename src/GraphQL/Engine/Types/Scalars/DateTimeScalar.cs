using System.Globalization;
using System.Text.RegularExpressions;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types.Scalars;

/// <summary>
/// <c>DateTime</c>: an instant, written as an RFC 3339 / ISO-8601 date-time <em>with</em> an offset
/// ("2025-03-01T09:30:00Z", "2025-03-01T10:30:00+01:00"). Internally a <see cref="DateTimeOffset"/>; serialised in UTC
/// with a "Z". A local date-time without offset is not an instant and is rejected.
/// </summary>
public static partial class DateTimeScalar
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    public static readonly ScalarType Type = new("DateTime")
    {
        Description = "An instant in time, as an RFC 3339 date-time string with an offset, such as `2025-03-01T09:30:00Z`.",
        SpecifiedByUrl = "https://scalars.graphql.org/chillicream/date-time.html",
        SerializeValue = value => value switch
        {
            DateTimeOffset dto => Format(dto),
            DateTime { Kind: DateTimeKind.Utc } dt => Format(new DateTimeOffset(dt)),
            string s when TryParse(s, out var parsed) => Format(parsed),
            _ => throw new GraphQLException($"DateTime cannot represent value: {Inspect.Value(value)}"),
        },
        ParseValueFunc = value => value is string s && TryParse(s, out var parsed)
            ? parsed
            : throw new GraphQLException($"DateTime cannot represent value: {Inspect.Value(value)}"),
        ParseLiteralFunc = (node, _) => node is StringValueNode s && TryParse(s.Value, out var parsed)
            ? parsed
            : throw new GraphQLException($"DateTime cannot represent value: {Printer.Print(node)}"),
    };

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (!Rfc3339().IsMatch(text)) return false;
        // .NET accepts at most 7 fractional digits; nanosecond precision is truncated to ticks.
        var normalized = Regex.Replace(text, @"\.(\d{7})\d+", ".$1");
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
