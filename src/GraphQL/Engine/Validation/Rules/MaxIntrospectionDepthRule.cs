using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>graphql-js 17 recommended rule: introspection may nest fields/interfaces/possibleTypes/inputFields at most 3 deep (denial of service).</summary>
public sealed class MaxIntrospectionDepthRule : ValidationRule
{
    private const int MaxListsDepth = 3;
    private readonly Dictionary<string, int> _checked = new();
    private readonly Dictionary<string, int> _exceeded = new();

    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is FieldNode { Name.Value: "__schema" or "__type" } field && CheckDepth(context, field, new Dictionary<string, int>(), 0))
        {
            context.ReportError(GraphQLError.At("Maximum introspection depth exceeded", field));
            return false;
        }
        return true;
    }

    private bool CheckDepth(ValidationContext context, Node node, Dictionary<string, int> visited, int depth)
    {
        if (node is FragmentSpreadNode spread)
        {
            var name = spread.Name.Value;
            if (_exceeded.TryGetValue(name, out var exceededDepth) && exceededDepth <= depth) return true;
            if ((visited.TryGetValue(name, out var v) && v >= depth) || (_checked.TryGetValue(name, out var c) && c >= depth)) return false;
            var fragment = context.GetFragment(name);
            if (fragment is null) return false;
            visited[name] = depth;
            if (CheckDepth(context, fragment, visited, depth))
            {
                _exceeded[name] = depth;
                return true;
            }
            _checked[name] = depth;
            return false;
        }
        if (node is FieldNode { Name.Value: "fields" or "interfaces" or "possibleTypes" or "inputFields" })
        {
            depth++;
            if (depth >= MaxListsDepth) return true;
        }
        var selectionSet = node switch
        {
            FieldNode f => f.SelectionSet,
            InlineFragmentNode i => i.SelectionSet,
            FragmentDefinitionNode fd => fd.SelectionSet,
            _ => null,
        };
        if (selectionSet is null) return false;
        foreach (var child in selectionSet.Selections)
            if (CheckDepth(context, child, visited, depth)) return true;
        return false;
    }
}
