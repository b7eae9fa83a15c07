using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Limits;

/// <summary>
/// Operational limits, checked per operation with fragments expanded, after the specified rules passed (so fragments
/// exist and have no cycles). They guard the server against expensive documents (denial of service):
/// <list type="bullet">
/// <item>depth: the deepest chain of nested fields (a root field is depth 1);</item>
/// <item>aliases: the number of aliased fields;</item>
/// <item>cost: each field costs its <see cref="FieldDefinition.Cost"/> (default 1 for object/interface/union fields,
/// 0 for leaves) plus the cost of its selection; for list fields that sum is multiplied by the list size (each
/// element is resolved and selected) — the literal <c>first</c> or <c>last</c> argument when given, else
/// <see cref="ValidationLimits.DefaultListSize"/>.</item>
/// </list>
/// </summary>
public static class OperationLimits
{
    public static void Check(ValidationContext context)
    {
        var limits = context.Limits;
        if (limits.MaxDepth is null && limits.MaxCost is null && limits.MaxAliases is null) return;
        foreach (var operation in context.Document.Definitions.OfType<OperationDefinitionNode>())
        {
            var root = context.Schema.GetRootType(operation.Operation);
            if (root is null) continue;
            var measure = new Measure(context);
            var cost = measure.SelectionCost(root, operation.SelectionSet, 1);
            var name = operation.Name is null ? "" : $" \"{operation.Name.Value}\"";
            if (limits.MaxDepth is { } maxDepth && measure.MaxDepth > maxDepth)
                context.ReportError(GraphQLError.At($"Operation{name} is too deep: depth {measure.MaxDepth} exceeds the maximum of {maxDepth}.", operation));
            if (limits.MaxAliases is { } maxAliases && measure.Aliases > maxAliases)
                context.ReportError(GraphQLError.At($"Operation{name} uses too many aliases: {measure.Aliases} exceeds the maximum of {maxAliases}.", operation));
            if (limits.MaxCost is { } maxCost && cost > maxCost)
                context.ReportError(GraphQLError.At($"Operation{name} is too expensive: cost {cost} exceeds the maximum of {maxCost}.", operation));
        }
    }

    private sealed class Measure(ValidationContext context)
    {
        public int MaxDepth { get; private set; }
        public long Aliases { get; private set; }

        public long SelectionCost(INamedType? parentType, SelectionSetNode selectionSet, int depth)
        {
            long total = 0;
            foreach (var selection in selectionSet.Selections)
            {
                switch (selection)
                {
                    case FieldNode field:
                        total = Saturate(total + FieldCost(parentType, field, depth));
                        break;
                    case InlineFragmentNode inline:
                        var inlineType = inline.TypeCondition is { } c ? context.Schema.GetType(c.Name.Value) : parentType;
                        total = Saturate(total + SelectionCost(inlineType, inline.SelectionSet, depth));
                        break;
                    case FragmentSpreadNode spread:
                        var fragment = context.GetFragment(spread.Name.Value);
                        if (fragment is not null)
                            total = Saturate(total + SelectionCost(context.Schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet, depth));
                        break;
                }
            }
            return total;
        }

        private long FieldCost(INamedType? parentType, FieldNode field, int depth)
        {
            if (field.Alias is not null) Aliases++;
            if (field.Name.Value == "__typename") return 0;
            MaxDepth = Math.Max(MaxDepth, depth);
            var definition = parentType is ICompositeType composite ? TypeInfo.GetFieldDef(context.Schema, composite, field.Name.Value) : null;
            if (definition is null) return 0;
            var namedType = TypeRules.NamedType(definition.Type);
            long own = definition.Cost ?? (TypeRules.IsCompositeType(namedType) ? 1 : 0);
            long children = field.SelectionSet is null ? 0 : SelectionCost(namedType, field.SelectionSet, depth + 1);
            var multiplier = IsList(definition.Type) ? ListSize(field) : 1;
            return Saturate(multiplier * Saturate(own + children));
        }

        private long ListSize(FieldNode field)
        {
            foreach (var argument in field.Arguments)
                if (argument.Name.Value is "first" or "last" && argument.Value is IntValueNode i && long.TryParse(i.Value, out var n))
                    return Math.Max(0, n);
            return context.Limits.DefaultListSize;
        }

        private static bool IsList(IGraphQLType type) => TypeRules.Nullable(type) is ListType;

        private static long Saturate(long value) => value < 0 || value > int.MaxValue * 1000L ? int.MaxValue * 1000L : value;
    }
}
