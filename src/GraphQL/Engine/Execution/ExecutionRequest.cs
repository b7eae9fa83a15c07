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
}
