using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cases.EventStore;

/// <summary>
/// The text PostgreSQL prints for a jsonb value (<c>data::text</c>), computed from JSON on the client. The hash
/// chain covers that text, so the bulk import can hash events before they reach the server only if it writes
/// exactly what jsonb will print: object keys ordered by length and then bytewise, one space after ':' and ',',
/// strings escaped as PostgreSQL's escape_json does, numbers as numeric prints them.
/// </summary>
public static class JsonbText
{
    public static string Of(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var sb = new StringBuilder(json.Length + json.Length / 8);
        Write(sb, doc.RootElement);
        return sb.ToString();
    }

    static void Write(StringBuilder sb, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                // jsonb keeps the last of duplicate keys.
                var members = e.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => g.Last())
                    .Select(p => (Key: Encoding.UTF8.GetBytes(p.Name), p.Name, p.Value)).ToList();
                members.Sort((a, b) => a.Key.Length != b.Key.Length ? a.Key.Length.CompareTo(b.Key.Length) : a.Key.AsSpan().SequenceCompareTo(b.Key));
                sb.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0) sb.Append(", ");
                    String(sb, members[i].Name);
                    sb.Append(": ");
                    Write(sb, members[i].Value);
                }
                sb.Append('}');
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var first = true;
                foreach (var item in e.EnumerateArray())
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    Write(sb, item);
                }
                sb.Append(']');
                break;
            case JsonValueKind.String:
                String(sb, e.GetString()!);
                break;
            case JsonValueKind.Number:
                sb.Append(Number(e.GetRawText()));
                break;
            case JsonValueKind.True: sb.Append("true"); break;
            case JsonValueKind.False: sb.Append("false"); break;
            default: sb.Append("null"); break;
        }
    }

    /// <summary>escape_json: the two-character escapes, \u00XX (lower-case hex) for other control characters, everything else as is.</summary>
    static void String(StringBuilder sb, string s)
    {
        if (s.Contains('\0')) throw new ArgumentException("jsonb cannot hold the character U+0000.");
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }

    /// <summary>
    /// numeric's output for a JSON number: plain notation with the input's digits after the point (an exponent
    /// shifts the point and the scale is never negative), no sign on zero.
    /// </summary>
    internal static string Number(string raw)
    {
        var negative = raw.StartsWith('-');
        var body = negative ? raw[1..] : raw;
        var exponentAt = body.IndexOfAny(['e', 'E']);
        var exponent = exponentAt < 0 ? 0 : int.Parse(body[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = exponentAt < 0 ? body : body[..exponentAt];
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var scale = (point < 0 ? 0 : mantissa.Length - point - 1) - exponent; // digits after the point
        if (scale < 0)
        {
            digits += new string('0', -scale);
            scale = 0;
        }
        if (digits.Length <= scale) digits = new string('0', scale - digits.Length + 1) + digits;
        var whole = digits[..^scale].TrimStart('0');
        if (whole.Length == 0) whole = "0";
        var text = scale == 0 ? whole : whole + "." + digits[^scale..];
        return negative && text.Any(c => c is >= '1' and <= '9') ? "-" + text : text;
    }
}
