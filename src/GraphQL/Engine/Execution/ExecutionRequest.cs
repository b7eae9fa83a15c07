using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// One execution (spec 6.1 "ExecuteRequest"). <see cref="Variables"/> holds plain CLR values as decoded from JSON
/// (null, bool, long/double, string, List&lt;object?&gt;, Dictionary&lt;string, object?&gt;) — see <see cref="JsonInput.ToClr"/>.
/// The document is assumed valid (run <see cref="Validation.DocumentValidator"/> first).
/// </summary>
public sealed record ExecutionRequest(
    Schema Schema,
    DocumentNode Document,
    string? OperationName = null,
    IReadOnlyDictionary<string, object?>? Variables = null,
    object? RootValue = null,
    object? Context = null,
    IServiceProvider? Services = null,
    CancellationToken CancellationToken = default)
{
    /// <summary>graphql-js hideSuggestions: no "Did you mean ...?" hints in coercion errors (use it when introspection is off).</summary>
    public bool HideSuggestions { get; init; }

    /// <summary>
    /// The schema <c>__schema</c> and <c>__type</c> describe, when not <see cref="Schema"/>: a part of it shown to this
    /// caller (<see cref="Types.SchemaView"/>), e.g. the public fields to an anonymous one. Execution and validation
    /// still use <see cref="Schema"/>.
    /// </summary>
    public Schema? IntrospectedSchema { get; init; }
}
