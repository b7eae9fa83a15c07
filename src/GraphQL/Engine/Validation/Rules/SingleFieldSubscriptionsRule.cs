using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.2.4.1 "Single Root Field": a subscription selects exactly one root field, not an introspection field, without @skip/@include at the top level.</summary>
public sealed class SingleFieldSubscriptionsRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is not OperationDefinitionNode { Operation: OperationType.Subscription } op) return true;
        var subscriptionType = context.Schema.SubscriptionType;
        if (subscriptionType is null) return true;
        var name = op.Name?.Value;
        var forbidden = new List<DirectiveNode>();
        var grouped = new Dictionary<string, List<FieldNode>>();
        Collect(context, op.SelectionSet, subscriptionType, grouped, forbidden, []);
        if (forbidden.Count > 0)
        {
            context.ReportError(GraphQLError.At(name is not null
                ? $"Subscription \"{name}\" must not use `@skip` or `@include` directives in the top level selection."
                : "Anonymous Subscription must not use `@skip` or `@include` directives in the top level selection.", forbidden));
            return true;
        }
        if (grouped.Count == 0)
            context.ReportError(GraphQLError.At(name is not null ? $"Subscription \"{name}\" must select one top level field." : "Anonymous Subscription must select one top level field.", op.SelectionSet));
        else if (grouped.Count > 1)
            context.ReportError(GraphQLError.At(name is not null ? $"Subscription \"{name}\" must select only one top level field." : "Anonymous Subscription must select only one top level field.",
                grouped.Values.Skip(1).SelectMany(x => x)));
        foreach (var fields in grouped.Values)
        {
            if (fields[0].Name.Value.StartsWith("__", StringComparison.Ordinal))
                context.ReportError(GraphQLError.At(name is not null
                    ? $"Subscription \"{name}\" must not select an introspection top level field."
                    : "Anonymous Subscription must not select an introspection top level field.", fields));
        }
        return true;
    }

    private static void Collect(ValidationContext context, SelectionSetNode set, ObjectType type,
        Dictionary<string, List<FieldNode>> grouped, List<DirectiveNode> forbidden, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            forbidden.AddRange(selection.Directives.Where(d => d.Name.Value is "skip" or "include"));
            switch (selection)
            {
                case FieldNode field:
                    if (!grouped.TryGetValue(field.ResponseKey, out var list)) grouped[field.ResponseKey] = list = [];
                    list.Add(field);
                    break;
                case InlineFragmentNode inline:
                    if (Matches(context, inline.TypeCondition, type)) Collect(context, inline.SelectionSet, type, grouped, forbidden, visited);
                    break;
                case FragmentSpreadNode spread:
                    if (!visited.Add(spread.Name.Value)) break;
                    var fragment = context.GetFragment(spread.Name.Value);
                    if (fragment is not null && Matches(context, fragment.TypeCondition, type))
                        Collect(context, fragment.SelectionSet, type, grouped, forbidden, visited);
                    break;
            }
        }
    }

    private static bool Matches(ValidationContext context, NamedTypeNode? condition, ObjectType type)
    {
        if (condition is null) return true;
        var conditionType = context.Schema.GetType(condition.Name.Value);
        if (conditionType is null) return false;
        if (conditionType.Name == type.Name) return true;
        return conditionType is IAbstractType abs && context.Schema.IsSubType(abs, type);
    }
}
