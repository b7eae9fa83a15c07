using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Validation.Limits;

/// <summary>What the <c>__schema</c>/<c>__type</c> fields of an operation weigh: how many there are, their deepest subtree and their summed cost (aliases inside them count with the operation's).</summary>
internal readonly record struct IntrospectionSize(long Roots, int Depth, long Cost)
{
    public static IntrospectionSize None => default;

    public static IntrospectionSize Root(long cost, int depth) => new(1, depth, cost);

    public IntrospectionSize Plus(IntrospectionSize other) =>
        new(Roots + other.Roots, Math.Max(Depth, other.Depth), Math.Min(Cost + other.Cost, int.MaxValue * 1000L));
}

/// <summary>
/// The introspection allowance (<see cref="ValidationLimits.MaxIntrospectionDepth"/>,
/// <see cref="ValidationLimits.MaxIntrospectionCost"/>, <see cref="ValidationLimits.MaxIntrospectionFields"/>):
/// client tools (GraphiQL, graphql-codegen, Apollo Sandbox) load a schema with graphql-js getIntrospectionQuery, whose
/// type references nest <c>ofType</c> <c>typeDepth</c> levels (9 by default), so its depth is 15 where data queries
/// stay far shallower. Rather than raising the data limit for everyone, the <c>__schema</c>/<c>__type</c> subtrees
/// get their own depth and cost, and an operation may hold only a bounded number of them (one, for a public
/// endpoint: a document repeating the whole introspection under aliases is refused). With graphql-js's
/// MaxIntrospectionDepthRule (lists of lists at most 3 deep) this bounds introspection work by the schema's size.
/// </summary>
internal static class IntrospectionBudget
{
    public static void Check(ValidationContext context, OperationDefinitionNode operation, string name, IntrospectionSize size)
    {
        if (size.Roots == 0) return;
        var limits = context.Limits;
        if (limits.MaxIntrospectionFields is { } maxFields && size.Roots > maxFields)
            OperationLimits.Report(context, operation, "INTROSPECTION_LIMIT_EXCEEDED",
                $"Operation{name} asks for introspection {size.Roots} times: at most {maxFields} __schema or __type field{(maxFields == 1 ? " is" : "s are")} allowed.");
        if (limits.MaxIntrospectionDepth is { } maxDepth && size.Depth > maxDepth)
            OperationLimits.Report(context, operation, "INTROSPECTION_TOO_DEEP",
                $"Operation{name} introspects too deep: depth {size.Depth} exceeds the introspection maximum of {maxDepth}.");
        if (limits.MaxIntrospectionCost is { } maxCost && size.Cost > maxCost)
            OperationLimits.Report(context, operation, "INTROSPECTION_TOO_EXPENSIVE",
                $"Operation{name} introspects too much: cost {size.Cost} exceeds the introspection maximum of {maxCost}.");
    }
}
