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
/// With <see cref="ValidationLimits.MaxIntrospectionDepth"/> set, the subtrees under <c>__schema</c> and <c>__type</c>
/// are measured apart (<see cref="IntrospectionBudget"/>): the standard introspection query every client tool
/// sends (graphql-js getIntrospectionQuery) nests <c>ofType</c> nine levels deep, deeper than a data query needs.
/// Every error carries an <c>extensions.code</c> naming the limit.
/// </summary>
public static class OperationLimits
{
    public static void Check(ValidationContext context)
    {
        var limits = context.Limits;
        if (limits.MaxDepth is null && limits.MaxCost is null && limits.MaxAliases is null && limits.MaxIntrospectionDepth is null) return;
        var measure = new Measure(context);
        foreach (var operation in context.Document.Definitions.OfType<OperationDefinitionNode>())
        {
            var root = context.Schema.GetRootType(operation.Operation);
            if (root is null) continue;
            var size = measure.Selection(root, operation.SelectionSet);
            var name = operation.Name is null ? "" : $" \"{operation.Name.Value}\"";
            if (limits.MaxDepth is { } maxDepth && size.Depth > maxDepth)
                Report(context, operation, "MAX_DEPTH_EXCEEDED", $"Operation{name} is too deep: depth {size.Depth} exceeds the maximum of {maxDepth}.");
            if (limits.MaxAliases is { } maxAliases && size.Aliases > maxAliases)
                Report(context, operation, "MAX_ALIASES_EXCEEDED", $"Operation{name} uses too many aliases: {size.Aliases} exceeds the maximum of {maxAliases}.");
            if (limits.MaxCost is { } maxCost && size.Cost > maxCost)
                Report(context, operation, "MAX_COST_EXCEEDED", $"Operation{name} is too expensive: cost {size.Cost} exceeds the maximum of {maxCost}.");
            if (limits.MaxIntrospectionDepth is not null)
                IntrospectionBudget.Check(context, operation, name, size.Introspection);
        }
    }

    internal static void Report(ValidationContext context, OperationDefinitionNode operation, string code, string message) =>
        context.ReportError(GraphQLError.At(message, operation) with { Extensions = new Dictionary<string, object?> { ["code"] = code } });

    /// <summary>What a selection set weighs: its data part, and apart from it (when measured apart) its introspection part.</summary>
    internal readonly record struct Size(long Cost, int Depth, long Aliases, IntrospectionSize Introspection);

    /// <summary>
    /// Cost, depth (below the selection set) and alias count of a selection set. Fragments are measured once and
    /// memoised, so fragments spreading fragments many times cannot make this exponential.
    /// </summary>
    private sealed class Measure(ValidationContext context)
    {
        private const long Ceiling = int.MaxValue * 1000L;
        private readonly Dictionary<string, Size> _fragments = new();
        private readonly bool _introspectionApart = context.Limits.MaxIntrospectionDepth is not null;

        public Size Selection(INamedType? parentType, SelectionSetNode selectionSet)
        {
            long cost = 0, aliases = 0;
            var depth = 0;
            var introspection = IntrospectionSize.None;
            foreach (var selection in selectionSet.Selections)
            {
                var s = selection switch
                {
                    FieldNode field => Field(parentType, field),
                    InlineFragmentNode inline => Selection(inline.TypeCondition is { } t ? context.Schema.GetType(t.Name.Value) : parentType, inline.SelectionSet),
                    FragmentSpreadNode spread => Fragment(spread.Name.Value),
                    _ => default,
                };
                cost = Saturate(cost + s.Cost);
                aliases = Saturate(aliases + s.Aliases);
                depth = Math.Max(depth, s.Depth);
                introspection = introspection.Plus(s.Introspection);
            }
            return new Size(cost, depth, aliases, introspection);
        }

        private Size Fragment(string name)
        {
            if (_fragments.TryGetValue(name, out var known)) return known;
            _fragments[name] = default; // cycles are reported by NoFragmentCycles; count them once
            var fragment = context.GetFragment(name);
            var result = fragment is null ? default : Selection(context.Schema.GetType(fragment.TypeCondition.Name.Value), fragment.SelectionSet);
            _fragments[name] = result;
            return result;
        }

        private Size Field(INamedType? parentType, FieldNode field)
        {
            long aliases = field.Alias is null ? 0 : 1;
            if (field.Name.Value == "__typename") return new Size(0, 0, aliases, IntrospectionSize.None);
            var definition = parentType is ICompositeType composite ? TypeInfo.GetFieldDef(context.Schema, composite, field.Name.Value) : null;
            if (definition is null) return new Size(0, 1, aliases, IntrospectionSize.None);
            var namedType = TypeRules.NamedType(definition.Type);
            long own = definition.Cost ?? (TypeRules.IsCompositeType(namedType) ? 1 : 0);
            var child = field.SelectionSet is null ? default : Selection(namedType, field.SelectionSet);
            var multiplier = TypeRules.Nullable(definition.Type) is ListType ? ListSize(field) : 1;
            var size = new Size(Multiply(multiplier, Saturate(own + child.Cost)), child.Depth + 1, Saturate(aliases + child.Aliases), child.Introspection);
            // __schema and __type exist only on the query root (spec 4.2); measured apart, they leave the data budget.
            if (_introspectionApart && field.Name.Value is "__schema" or "__type" && ReferenceEquals(parentType, context.Schema.QueryType))
                return new Size(0, 0, size.Aliases, IntrospectionSize.Root(size.Cost, size.Depth));
            return size;
        }

        private long ListSize(FieldNode field)
        {
            foreach (var argument in field.Arguments)
                if (argument.Name.Value is "first" or "last" && argument.Value is IntValueNode i && long.TryParse(i.Value, out var n))
                    return Math.Clamp(n, 0, Ceiling);
            return context.Limits.DefaultListSize;
        }

        internal static long Saturate(long value) => value is < 0 or > Ceiling ? Ceiling : value;

        private static long Multiply(long a, long b) => a != 0 && b > Ceiling / a ? Ceiling : Saturate(a * b);
    }
}
