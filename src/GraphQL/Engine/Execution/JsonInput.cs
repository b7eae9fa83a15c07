using System.Text.Json;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>Turns request JSON (variables, extensions) into the plain CLR values the executor coerces.</summary>
public static class JsonInput
{
    /// <summary>null, bool, long (integers that fit) or double, string, List&lt;object?&gt;, Dictionary&lt;string, object?&gt;.</summary>
    public static object? ToClr(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var l) ? (object)l : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(ToClr).ToList(),
        JsonValueKind.Object => ToDictionary(element),
        _ => throw new ArgumentException($"Unsupported JSON value kind {element.ValueKind}.", nameof(element)),
    };

    /// <summary>A JSON object as a dictionary; when a key repeats, the last value wins (as JSON.parse).</summary>
    public static Dictionary<string, object?> ToDictionary(JsonElement obj)
    {
        var result = new Dictionary<string, object?>();
        foreach (var property in obj.EnumerateObject()) result[property.Name] = ToClr(property.Value);
        return result;
    }
}
