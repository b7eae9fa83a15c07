namespace Cases.GraphQL.Engine.Validation;

/// <summary>
/// Operational limits checked after the specified rules, against denial of service (see Validation/Limits/).
/// Null disables a limit. Token count and nesting are enforced earlier, by the parser (ParseOptions).
/// </summary>
public sealed partial record ValidationLimits
{
    /// <summary>Deepest field nesting allowed in an operation (fragments expanded; __typename not counted as a level).</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Largest total cost (see <see cref="Limits.OperationLimits"/>).</summary>
    public int? MaxCost { get; init; }

    /// <summary>List size assumed for a list field without a `first`/`last` argument, for the cost.</summary>
    public int DefaultListSize { get; init; } = 10;

    /// <summary>Most aliases allowed in one operation (fragments expanded).</summary>
    public int? MaxAliases { get; init; }

    /// <summary>
    /// Longest source text accepted, in UTF-16 code units; checked by <see cref="DocumentValidator.CheckLength"/>
    /// before parsing because the AST no longer knows it.
    /// </summary>
    public int? MaxDocumentLength { get; init; }

    /// <summary>
    /// Deepest nesting allowed inside a <c>__schema</c> or <c>__type</c> field (that field is depth 1). When set, those
    /// subtrees are measured apart: they count neither toward <see cref="MaxDepth"/> nor toward <see cref="MaxCost"/>,
    /// but toward this, <see cref="MaxIntrospectionCost"/> and <see cref="MaxIntrospectionFields"/>
    /// (see <see cref="Limits.IntrospectionBudget"/>). Null (the default) measures them like any other field.
    /// </summary>
    public int? MaxIntrospectionDepth { get; init; }

    /// <summary>Largest summed cost of an operation's introspection subtrees (measured as for <see cref="MaxCost"/>), when measured apart.</summary>
    public int? MaxIntrospectionCost { get; init; }

    /// <summary>Most <c>__schema</c> and <c>__type</c> fields (aliases included) one operation may hold, when measured apart.</summary>
    public int? MaxIntrospectionFields { get; init; }

    /// <summary>When false, __schema and __type are refused as graphql-js NoSchemaIntrospectionCustomRule does.</summary>
    public bool AllowIntrospection { get; init; } = true;

    /// <summary>
    /// Longest chain of fragments spreading fragments (see <see cref="Limits.FragmentDepthGuard"/>): a stack-safety
    /// bound, far above what real documents use.
    /// </summary>
    public int MaxFragmentDepth { get; init; } = 1000;

    /// <summary>graphql-js hideSuggestions: no "Did you mean ...?" hints (use it when introspection is off).</summary>
    public bool HideSuggestions { get; init; }

    /// <summary>graphql-js maxErrors: validation stops after this many errors (denial-of-service guard).</summary>
    public int MaxErrors { get; init; } = 100;
}
