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
        var measure = new Measure(context);
        foreach (var operation in context.Document.Definitions.OfType<OperationDefinitionNode>())
        {
            var root = context.Schema.GetRootType(operation.Operation);
            if (root is null) continue;
            var (cost, depth, aliases) = measure.Selection(root, operation.SelectionSet);
            var name = operation.Name is null ? "" : $" \"{operation.Name.Value}\"";
            if (limits.MaxDepth is { } maxDepth && depth > maxDepth)
                context.ReportError(GraphQLError.At($"Operation{name} is too deep: depth {depth} exceeds the maximum of {maxDepth}.", operation));
            if (limits.MaxAliases is { } maxAliases && aliases > maxAliases)
                context.ReportError(GraphQLError.At($"Operation{name} uses too many aliases: {aliases} exceeds the maximum of {maxAliases}.", operation));
            if (limits.MaxCost is { } maxCost && cost > maxCost)
                context.ReportError(GraphQLError.At($"Operation{name} is too expensive: cost {cost} exceeds the maximum of {maxCost}.", operation));
        }
    }

    /// <summary>
    /// Cost, depth (below the selection set) and alias count of a selection set. Fragments are measured once and
    /// memoised, so fragments spreading fragments many times cannot make this exponential.
    /// </summary>
    private sealed class Measure(ValidationContext context)
    {
        private const long Ceiling = int.MaxValue * 1000L;
        private readonly Dictionary<string, (long Cost, int Depth, long Aliases)> _fragments = new();

        public (long Cost, int Depth, long Aliases) Selection(INamedType? parentType, SelectionSetNode selectionSet)
        {
            long cost = 0, aliases = 0;
            var depth = 0;
            foreach (var selection in selectionSet.Selections)
            {
                var (c, d, a) = selection switch
                {
                    FieldNode field => Field(parentType, field),
                    InlineFragmentNode inline => Selection(inline.TypeCondition is { } t ? context.Schema.GetType(t.Name.Value) : parentType, inline.SelectionSet),
                    FragmentSpreadNode spread => Fragment(spread.Name.Value),
                    _ => (0L, 0, 0L),
                };
                cost = Saturate(cost + c);
                aliases = Saturate(aliases + a);
                depth = Math.Max(depth, d);
            }
            return (cost, depth, aliases);
        }

        private (long, int, long) Fragment(string name)
        {
            if (_fragments.TryGetValue(name, out var known)) return known;
            _fragments[name] = (0, 0, 0); // cycles are reported by NoFragmentCycles; count them once
            var fragment = context.GetFragment(name);
            var result = fragment is null ? (0L, 0, 0L) : Selection(context.Schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet);
            _fragments[name] = result;
            return result;
        }

        private (long, int, long) Field(INamedType? parentType, FieldNode field)
        {
            long aliases = field.Alias is null ? 0 : 1;
            if (field.Name.Value == "__typename") return (0, 0, aliases);
            var definition = parentType is ICompositeType composite ? TypeInfo.GetFieldDef(context.Schema, composite, field.Name.Value) : null;
            if (definition is null) return (0, 1, aliases);
            var namedType = TypeRules.NamedType(definition.Type);
            long own = definition.Cost ?? (TypeRules.IsCompositeType(namedType) ? 1 : 0);
            var (childCost, childDepth, childAliases) = field.SelectionSet is null ? (0L, 0, 0L) : Selection(namedType, field.SelectionSet);
            var multiplier = TypeRules.Nullable(definition.Type) is ListType ? ListSize(field) : 1;
            return (Multiply(multiplier, Saturate(own + childCost)), childDepth + 1, Saturate(aliases + childAliases));
        }

        private long ListSize(FieldNode field)
        {
            foreach (var argument in field.Arguments)
                if (argument.Name.Value is "first" or "last" && argument.Value is IntValueNode i && long.TryParse(i.Value, out var n))
                    return Math.Clamp(n, 0, Ceiling);
            return context.Limits.DefaultListSize;
        }

        private static long Saturate(long value) => value is < 0 or > Ceiling ? Ceiling : value;

        private static long Multiply(long a, long b) => a != 0 && b > Ceiling / a ? Ceiling : Saturate(a * b);
    }
}
