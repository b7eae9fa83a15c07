using System.Globalization;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types.Scalars;

/// <summary>
/// The five specified scalars (spec 3.5.1-3.5.5), coercing exactly as graphql-js scalars.ts with the same messages.
/// Internal values: Int is <see cref="int"/>, Float <see cref="double"/>, String and ID <see cref="string"/>, Boolean <see cref="bool"/>.
/// </summary>
public static class BuiltInScalars
{
    private const double MaxInt = int.MaxValue;
    private const double MinInt = int.MinValue;

    public static readonly ScalarType Int = new("Int")
    {
        Description = "The `Int` scalar type represents non-fractional signed whole numeric values. Int can represent values between -(2^31) and 2^31 - 1.",
        SerializeValue = SerializeInt,
        ParseValueFunc = value =>
        {
            if (!Numbers.TryGetDouble(value, out var num) || !Numbers.IsInteger(num))
                throw new GraphQLException($"Int cannot represent non-integer value: {Inspect.Value(value)}");
            if (num > MaxInt || num < MinInt)
                throw new GraphQLException($"Int cannot represent non 32-bit signed integer value: {JsNumber.ToString(num)}");
            return (int)num;
        },
        ParseLiteralFunc = (node, _) =>
        {
            if (node is not IntValueNode i) throw new GraphQLException($"Int cannot represent non-integer value: {Printer.Print(node)}");
            var num = double.Parse(i.Value, CultureInfo.InvariantCulture);
            if (num > MaxInt || num < MinInt) throw new GraphQLException($"Int cannot represent non 32-bit signed integer value: {i.Value}");
            return (int)num;
        },
    };

    public static readonly ScalarType Float = new("Float")
    {
        Description = "The `Float` scalar type represents signed double-precision fractional values as specified by [IEEE 754](https://en.wikipedia.org/wiki/IEEE_floating_point).",
        SerializeValue = value =>
        {
            var coerced = value;
            double num;
            if (coerced is bool b) return b ? 1d : 0d;
            if (coerced is string s && s != "") { if (!Numbers.TryParseJs(s, out num)) num = double.NaN; }
            else if (!Numbers.TryGetDouble(coerced, out num)) num = double.NaN;
            if (!double.IsFinite(num)) throw new GraphQLException($"Float cannot represent non numeric value: {Inspect.Value(coerced)}");
            return num;
        },
        ParseValueFunc = value =>
        {
            if (!Numbers.TryGetDouble(value, out var num) || !double.IsFinite(num))
                throw new GraphQLException($"Float cannot represent non numeric value: {Inspect.Value(value)}");
            return num;
        },
        ParseLiteralFunc = (node, _) => node switch
        {
            FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
            IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
            _ => throw new GraphQLException($"Float cannot represent non numeric value: {Printer.Print(node)}"),
        },
    };

    public static readonly ScalarType String = new("String")
    {
        Description = "The `String` scalar type represents textual data, represented as UTF-8 character sequences. The String type is most often used by GraphQL to represent free-form human-readable text.",
        SerializeValue = value => value switch
        {
            string s => s,
            bool b => b ? "true" : "false",
            Guid g => g.ToString(),
            char c => c.ToString(),
            _ when Numbers.TryGetDouble(value, out var d) && double.IsFinite(d) => JsNumber.ToString(d),
            _ => throw new GraphQLException($"String cannot represent value: {Inspect.Value(value)}"),
        },
        ParseValueFunc = value => value is string s ? s : throw new GraphQLException($"String cannot represent a non string value: {Inspect.Value(value)}"),
        ParseLiteralFunc = (node, _) => node is StringValueNode s ? s.Value : throw new GraphQLException($"String cannot represent a non string value: {Printer.Print(node)}"),
    };

    public static readonly ScalarType Boolean = new("Boolean")
    {
        Description = "The `Boolean` scalar type represents `true` or `false`.",
        SerializeValue = value => value switch
        {
            bool => value, // as given: no new box
            _ when Numbers.TryGetDouble(value, out var d) && double.IsFinite(d) => d != 0,
            _ => throw new GraphQLException($"Boolean cannot represent a non boolean value: {Inspect.Value(value)}"),
        },
        ParseValueFunc = value => value is bool b ? b : throw new GraphQLException($"Boolean cannot represent a non boolean value: {Inspect.Value(value)}"),
        ParseLiteralFunc = (node, _) => node is BooleanValueNode b ? b.Value : throw new GraphQLException($"Boolean cannot represent a non boolean value: {Printer.Print(node)}"),
    };

    public static readonly ScalarType ID = new("ID")
    {
        Description = "The `ID` scalar type represents a unique identifier, often used to refetch an object or as key for a cache. The ID type appears in a JSON response as a String; however, it is not intended to be human-readable. When expected as an input type, any string (such as `\"4\"`) or integer (such as `4`) input value will be accepted as an ID.",
        SerializeValue = value => value switch
        {
            string s => s,
            Guid g => g.ToString(),
            _ when Numbers.TryGetDouble(value, out var d) && Numbers.IsInteger(d) => JsNumber.ToString(d),
            _ => throw new GraphQLException($"ID cannot represent value: {Inspect.Value(value)}"),
        },
        ParseValueFunc = value => value switch
        {
            string s => s,
            _ when value is not bool && Numbers.TryGetDouble(value, out var d) && Numbers.IsInteger(d) => JsNumber.ToString(d),
            _ => throw new GraphQLException($"ID cannot represent value: {Inspect.Value(value)}"),
        },
        ParseLiteralFunc = (node, _) => node switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw new GraphQLException("ID cannot represent a non-string and non-integer value: " + Printer.Print(node)),
        },
    };

    public static IReadOnlyList<ScalarType> All { get; } = [String, Int, Float, Boolean, ID];

    public static bool IsSpecified(INamedType type) => All.Any(s => s.Name == type.Name);

    private static object SerializeInt(object? value)
    {
        if (value is int) return value; // as given: no new box
        double num;
        if (value is bool b) return b ? 1 : 0;
        if (value is string s && s != "") { if (!Numbers.TryParseJs(s, out num)) num = double.NaN; }
        else if (!Numbers.TryGetDouble(value, out num)) num = double.NaN;
        if (!Numbers.IsInteger(num)) throw new GraphQLException($"Int cannot represent non-integer value: {Inspect.Value(value)}");
        if (num > MaxInt || num < MinInt) throw new GraphQLException($"Int cannot represent non 32-bit signed integer value: {Inspect.Value(value)}");
        return (int)num;
    }
}

/// <summary>Numbers as JavaScript sees them: every CLR numeric type is "a number".</summary>
internal static class Numbers
{
    public static bool TryGetDouble(object? value, out double result)
    {
        switch (value)
        {
            case int i: result = i; return true;
            case long l: result = l; return true;
            case double d: result = d; return true;
            case float f: result = f; return true;
            case decimal m: result = (double)m; return true;
            case short s: result = s; return true;
            case byte b: result = b; return true;
            case sbyte sb: result = sb; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul: result = ul; return true;
            default: result = double.NaN; return false;
        }
    }

    public static bool IsInteger(double d) => double.IsFinite(d) && Math.Floor(d) == d;

    /// <summary>Number(string) for the decimal forms.</summary>
    public static bool TryParseJs(string s, out double result)
    {
        var trimmed = s.Trim();
        if (trimmed == "") { result = 0; return true; }
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }
}
