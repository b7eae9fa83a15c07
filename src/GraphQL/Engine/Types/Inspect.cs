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

/// <summary>JavaScript's Number.prototype.toString for doubles, so messages print numbers as graphql-js does.</summary>
public static class JsNumber
{
    public static string ToString(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == Math.Floor(d) && Math.Abs(d) < 1e21) return d.ToString("F0", CultureInfo.InvariantCulture);
        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E');
        if (e < 0) return r;
        var mantissa = r[..e];
        var exponent = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        if (exponent is >= -7 and < 21) return d.ToString("0.####################", CultureInfo.InvariantCulture);
        return mantissa + "e" + (exponent > 0 ? "+" : "-") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }
}
