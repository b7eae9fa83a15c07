namespace Cases.GraphQL.Engine.Language;

/// <summary>Parser limits, both defences against hostile documents.</summary>
public sealed record ParseOptions
{
    /// <summary>
    /// graphql-js <c>maxTokens</c>: parsing stops with "Document contains more than N tokens. Parsing aborted."
    /// once the document has more significant tokens than this. Null means no limit.
    /// </summary>
    public int? MaxTokens { get; init; }

    /// <summary>
    /// Nesting bound (selection sets, list and object values, list types). graphql-js has none because a JavaScript
    /// stack overflow is a catchable RangeError; in .NET a stack overflow kills the process, so the recursive descent
    /// is bounded here and every later recursive walk (validation, execution, printing) inherits the bound.
    /// </summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>graphql-js 17 allowEmptySelectionSets (default true): whether "{}" is a selection set.</summary>
    public bool AllowEmptySelectionSets { get; init; } = true;

    /// <summary>graphql-js 17 maxSourceLength: longer sources fail with "Source contains more than N UTF-16 code units. Parsing aborted."</summary>
    public int? MaxSourceLength { get; init; }

    public const int DefaultMaxDepth = 256;
}
