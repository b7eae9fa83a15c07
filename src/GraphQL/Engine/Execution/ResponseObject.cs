using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Cases.GraphQL.Engine.Errors;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// One object of the response: the values of a <see cref="SelectionPlan"/>'s fields, in its order. The keys belong to
/// the plan (shared by every object it completes), so an object is one array, not a hash table of its own. Read-only
/// once built: it is what the executor hands out.
/// </summary>
internal sealed class ResponseObject(SelectionPlan plan, object?[] values) : IDictionary<string, object?>
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        var fields = plan.Fields;
        writer.WriteStartObject();
        for (var i = 0; i < fields.Length; i++)
        {
            writer.WritePropertyName(fields[i].EncodedKey);
            JsonOutput.WriteValue(writer, values[i]);
        }
        writer.WriteEndObject();
    }

    private int IndexOf(string key)
    {
        var fields = plan.Fields;
        for (var i = 0; i < fields.Length; i++)
            if (fields[i].Key == key) return i;
        return -1;
    }

    public object? this[string key]
    {
        get => IndexOf(key) is >= 0 and var i ? values[i] : throw new KeyNotFoundException($"The response object has no field \"{key}\".");
        set => throw ReadOnly();
    }

    public ICollection<string> Keys => plan.Fields.Select(f => f.Key).ToList();
    public ICollection<object?> Values => values.ToList();
    public int Count => values.Length;
    public bool IsReadOnly => true;

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? values[i] : null;
        return i >= 0;
    }

    public bool Contains(KeyValuePair<string, object?> item) => TryGetValue(item.Key, out var v) && Equals(v, item.Value);

    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex)
    {
        foreach (var pair in this) array[arrayIndex++] = pair;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < values.Length; i++) yield return new(plan.Fields[i].Key, values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Add(string key, object? value) => throw ReadOnly();
    public void Add(KeyValuePair<string, object?> item) => throw ReadOnly();
    public bool Remove(string key) => throw ReadOnly();
    public bool Remove(KeyValuePair<string, object?> item) => throw ReadOnly();
    public void Clear() => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("A response object is read-only.");
}
