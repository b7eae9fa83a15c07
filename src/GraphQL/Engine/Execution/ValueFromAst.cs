using System.Globalization;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>Literal coercion (spec 5.6 "Input Coercion" for literals), graphql-js valueFromAST / valueFromASTUntyped.</summary>
public static class ValueFromAst
{
    /// <summary>Stands for JavaScript's undefined: "no valid value".</summary>
    public static readonly object Invalid = new();

    /// <summary>Coerces a literal to <paramref name="type"/>; returns <see cref="Invalid"/> when it cannot be.</summary>
    public static object? Coerce(ValueNode? node, IGraphQLType type, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is null) return Invalid;
        if (node is VariableNode v)
        {
            if (variables is null || !variables.TryGetValue(v.Name.Value, out var variableValue)) return Invalid;
            if (variableValue is null && type is NonNullType) return Invalid;
            return variableValue;
        }
        if (type is NonNullType nn) return node is NullValueNode ? Invalid : Coerce(node, nn.OfType, variables);
        if (node is NullValueNode) return null;
        switch (type)
        {
            case ListType list:
            {
                if (node is ListValueNode listNode)
                {
                    var values = new List<object?>();
                    foreach (var itemNode in listNode.Values)
                    {
                        if (IsMissingVariable(itemNode, variables))
                        {
                            if (list.OfType is NonNullType) return Invalid;
                            values.Add(null);
                        }
                        else
                        {
                            var item = Coerce(itemNode, list.OfType, variables);
                            if (item == Invalid) return Invalid;
                            values.Add(item);
                        }
                    }
                    return values;
                }
                var single = Coerce(node, list.OfType, variables);
                return single == Invalid ? Invalid : new List<object?> { single };
            }
            case InputObjectType io:
            {
                if (node is not ObjectValueNode obj) return Invalid;
                var result = new Dictionary<string, object?>();
                var fieldNodes = new Dictionary<string, ObjectFieldNode>();
                foreach (var f in obj.Fields) fieldNodes.TryAdd(f.Name.Value, f);
                if (obj.Fields.Any(f => !io.Fields.Contains(f.Name.Value))) return Invalid;
                foreach (var field in io.Fields)
                {
                    if (!fieldNodes.TryGetValue(field.Name, out var fieldNode) || IsMissingVariable(fieldNode.Value, variables))
                    {
                        if (field.IsRequired) return Invalid;
                        if (field.HasDefaultValue) result[field.Name] = field.DefaultValue;
                        continue;
                    }
                    var value = Coerce(fieldNode.Value, field.Type, variables);
                    if (value == Invalid) return Invalid;
                    result[field.Name] = value;
                }
                if (io.IsOneOf && (fieldNodes.Count != 1 || result.Count != 1 || result.Values.First() is null)) return Invalid;
                return result;
            }
            case ILeafType leaf:
                try
                {
                    return leaf.ParseLiteral(node, variables);
                }
                catch (Exception)
                {
                    return Invalid;
                }
            default:
                return Invalid;
        }
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode v && (variables is null || !variables.ContainsKey(v.Name.Value));

    /// <summary>graphql-js valueFromASTUntyped: a literal as plain CLR values (Int as long when it fits, else double).</summary>
    public static object? Untyped(ValueNode node, IReadOnlyDictionary<string, object?>? variables) => node switch
    {
        NullValueNode => null,
        IntValueNode i => long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? (object)l : double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        EnumValueNode e => e.Value,
        BooleanValueNode b => b.Value,
        ListValueNode l => l.Values.Select(v => Untyped(v, variables)).ToList(),
        ObjectValueNode o => o.Fields.GroupBy(f => f.Name.Value).ToDictionary(g => g.Key, g => Untyped(g.Last().Value, variables)),
        VariableNode v => variables?.GetValueOrDefault(v.Name.Value),
        _ => null,
    };
}
