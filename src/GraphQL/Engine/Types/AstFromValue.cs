using System.Collections;
using System.Text.RegularExpressions;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Engine.Types;

/// <summary>graphql-js astFromValue: an internal input value as a literal (used to print default values).</summary>
public static partial class AstFromValue
{
    [GeneratedRegex("^-?(?:0|[1-9][0-9]*)$")]
    private static partial Regex IntegerString();

    public static ValueNode? Convert(object? value, IGraphQLType type)
    {
        if (type is NonNullType nn)
        {
            var inner = Convert(value, nn.OfType);
            return inner is NullValueNode ? null : inner;
        }
        if (value is null) return new NullValueNode();
        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items and not string and not IDictionary)
                {
                    var nodes = new List<ValueNode>();
                    foreach (var item in items)
                        if (Convert(item, list.OfType) is { } node) nodes.Add(node);
                    return new ListValueNode(nodes);
                }
                return Convert(value, list.OfType);
            case InputObjectType io:
            {
                var map = value switch
                {
                    IReadOnlyDictionary<string, object?> r => r,
                    IDictionary<string, object?> d => d.AsReadOnly(),
                    _ => null,
                };
                if (map is null) return null;
                var fields = new List<ObjectFieldNode>();
                foreach (var field in io.Fields)
                {
                    if (!map.TryGetValue(field.Name, out var fieldValue)) continue;
                    if (Convert(fieldValue, field.Type) is { } node) fields.Add(new ObjectFieldNode(new NameNode(field.Name), node));
                }
                return new ObjectValueNode(fields);
            }
            case ILeafType leaf:
            {
                var serialized = leaf.Serialize(value);
                switch (serialized)
                {
                    case null: return null;
                    case bool b: return new BooleanValueNode(b);
                    case string s:
                        if (leaf is EnumType) return new EnumValueNode(s);
                        if (ReferenceEquals(leaf, BuiltInScalars.ID) && IntegerString().IsMatch(s)) return new IntValueNode(s);
                        return new StringValueNode(s);
                }
                if (Scalars.Numbers.TryGetDouble(serialized, out var d) && double.IsFinite(d))
                {
                    var text = JsNumber.ToString(d);
                    return IntegerString().IsMatch(text) ? new IntValueNode(text) : new FloatValueNode(text);
                }
                throw new InvalidOperationException($"Cannot convert value to AST: {Inspect.Value(serialized)}.");
            }
            default:
                return null;
        }
    }
}
