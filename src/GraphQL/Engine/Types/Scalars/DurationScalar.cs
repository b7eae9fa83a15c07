using System.Text.RegularExpressions;
using System.Xml;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types.Scalars;

/// <summary>
/// <c>Duration</c>: an exact length of time as an ISO-8601 duration ("PT4H30M", "P2DT1H"); internally a <see cref="TimeSpan"/>.
/// Years and months are rejected because they have no fixed length (a duration is not a calendar period).
/// </summary>
public static partial class DurationScalar
{
    [GeneratedRegex(@"^-?P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")]
    private static partial Regex IsoDuration();

    public static readonly ScalarType Type = new("Duration")
    {
        Description = "An exact length of time as an ISO-8601 duration such as `PT4H30M` (days, hours, minutes, seconds; no years or months).",
        SerializeValue = value => value switch
        {
            TimeSpan t => Format(t),
            string s when TryParse(s, out var parsed) => Format(parsed),
            _ => throw new GraphQLException($"Duration cannot represent value: {Inspect.Value(value)}"),
        },
        ParseValueFunc = value => value is string s && TryParse(s, out var parsed)
            ? parsed
            : throw new GraphQLException($"Duration cannot represent value: {Inspect.Value(value)}"),
        ParseLiteralFunc = (node, _) => node is StringValueNode s && TryParse(s.Value, out var parsed)
            ? parsed
            : throw new GraphQLException($"Duration cannot represent value: {Printer.Print(node)}"),
    };

    public static string Format(TimeSpan value) => XmlConvert.ToString(value);

    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var m = IsoDuration().Match(text);
        if (!m.Success) return false;
        var weeks = m.Groups[1].Success ? long.Parse(m.Groups[1].Value[..^1], System.Globalization.CultureInfo.InvariantCulture) : 0;
        var withoutWeeks = weeks == 0 ? text : text.Replace(m.Groups[1].Value, "");
        try
        {
            value = withoutWeeks is "P" or "-P" ? TimeSpan.Zero : XmlConvert.ToTimeSpan(withoutWeeks);
            value += TimeSpan.FromDays(7 * weeks) * (text.StartsWith('-') ? -1 : 1);
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return false;
        }
    }
}
