using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Cases.GraphQL.Engine.Types;

/// <summary>graphql-js inspect(): how values appear inside error messages.</summary>
public static class Inspect
{
    public static string Value(object? value) => Format(value, 0);

    private static string Format(object? value, int depth) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s),
        bool b => b ? "true" : "false",
        double or float or decimal or int or long or short or byte or uint or ulong => JsNumber.ToString(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        IEnumerable<KeyValuePair<string, object?>> map => FormatObject(map.ToList(), depth),
        IList list => FormatList(list.Cast<object?>().ToList(), depth),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string FormatObject(List<KeyValuePair<string, object?>> entries, int depth)
    {
        if (entries.Count == 0) return "{}";
        if (depth >= 2) return "[Object]";
        return "{ " + string.Join(", ", entries.Select(e => e.Key + ": " + Format(e.Value, depth + 1))) + " }";
    }

    private static string FormatList(List<object?> items, int depth)
    {
        if (items.Count == 0) return "[]";
        if (depth >= 2) return "[Array]";
        var shown = items.Take(10).Select(i => Format(i, depth + 1)).ToList();
        if (items.Count > 10) shown.Add($"... {items.Count - 10} more items");
        return "[" + string.Join(", ", shown) + "]";
    }
}

/// <summary>JavaScript's Number.prototype.toString for doubles (ECMA-262 Number::toString), so messages and JSON print numbers as graphql-js does.</summary>
public static class JsNumber
{
    public static string ToString(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == 0) return "0";
        if (d < 0) return "-" + ToString(-d);
        // Shortest round-trip digits, then JavaScript's layout rules: value = 0.digits × 10^n.
        var shortest = d.ToString("R", CultureInfo.InvariantCulture);
        var (digits, n) = Decompose(shortest);
        var k = digits.Length;
        if (k <= n && n <= 21) return digits + new string('0', n - k);
        if (0 < n && n <= 21) return digits[..n] + "." + digits[n..];
        if (-6 < n && n <= 0) return "0." + new string('0', -n) + digits;
        var exponent = n - 1;
        return digits[..1] + (k > 1 ? "." + digits[1..] : "") + "e" + (exponent >= 0 ? "+" : "-") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    private static (string Digits, int PointPosition) Decompose(string text)
    {
        var exponent = 0;
        var e = text.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        var integerPart = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        var all = integerPart + fraction;
        var point = integerPart.Length + exponent;
        var leadingZeros = all.Length - all.TrimStart('0').Length;
        all = all.TrimStart('0');
        point -= leadingZeros;
        all = all.TrimEnd('0');
        return (all.Length == 0 ? "0" : all, point);
    }
}
