using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// graphql-js defaultFieldResolver: the parent's entry or property named like the field. Dictionaries are looked up
/// by key; other objects by public instance property, first with the exact name, then with the first letter upper-cased.
/// </summary>
public static class DefaultResolver
{
    private static readonly ConcurrentDictionary<(Type, string), PropertyInfo?> Properties = new();

    public static object? Resolve(object? source, string fieldName)
    {
        switch (source)
        {
            case null:
                return null;
            case IReadOnlyDictionary<string, object?> map:
                return map.GetValueOrDefault(fieldName);
            case IDictionary<string, object?> dict:
                return dict.TryGetValue(fieldName, out var v) ? v : null;
            case IDictionary untyped:
                return untyped.Contains(fieldName) ? untyped[fieldName] : null;
        }
        var property = Properties.GetOrAdd((source.GetType(), fieldName), static key =>
        {
            var (type, name) = key;
            return type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
                   ?? (name.Length > 0 ? type.GetProperty(char.ToUpperInvariant(name[0]) + name[1..], BindingFlags.Public | BindingFlags.Instance) : null);
        });
        return property?.GetValue(source);
    }
}
