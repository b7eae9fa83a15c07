using System.Globalization;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types.Scalars;

/// <summary><c>LocalDate</c>: a calendar date without time or zone ("2025-03-01"); internally a <see cref="DateOnly"/>. Not an instant.</summary>
public static class LocalDateScalar
{
    public static readonly ScalarType Type = new("LocalDate")
    {
        Description = "A calendar date without time zone, as an ISO-8601 `YYYY-MM-DD` string.",
        SpecifiedByUrl = "https://scalars.graphql.org/chillicream/local-date.html",
        SerializeValue = value => value switch
        {
            DateOnly d => Format(d),
            string s when TryParse(s, out var parsed) => Format(parsed),
            _ => throw new GraphQLException($"LocalDate cannot represent value: {Inspect.Value(value)}"),
        },
        ParseValueFunc = value => value is string s && TryParse(s, out var parsed)
            ? parsed
            : throw new GraphQLException($"LocalDate cannot represent value: {Inspect.Value(value)}"),
        ParseLiteralFunc = (node, _) => node is StringValueNode s && TryParse(s.Value, out var parsed)
            ? parsed
            : throw new GraphQLException($"LocalDate cannot represent value: {Printer.Print(node)}"),
    };

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
}
