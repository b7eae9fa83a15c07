using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types;

/// <summary>A field of an object or interface type (spec 3.6 "FieldsDefinition").</summary>
public sealed class FieldDefinition(string name, IGraphQLType type)
{
    public string Name { get; } = name;
    public IGraphQLType Type { get; } = type;
    public string? Description { get; init; }
    public InputValueList Arguments { get; init; } = [];

    /// <summary>Produces the field's value. Null means the default resolver (dictionary key or public property of the parent).</summary>
    public Func<ResolveContext, ValueTask<object?>>? Resolve { get; init; }

    /// <summary>
    /// For a subscription root field (spec 6.2.3 "CreateSourceEventStream", graphql-js's <c>subscribe</c>): makes the
    /// source stream; each of its events becomes the root value <see cref="Resolve"/> then reads. Null means the
    /// default resolver, which must give an <see cref="IAsyncEnumerable{T}"/> of objects.
    /// </summary>
    public Func<ResolveContext, ValueTask<IAsyncEnumerable<object?>>>? Subscribe { get; init; }

    /// <summary>
    /// For a subscription root field whose responses depend only on the source event, the document and the variables,
    /// never on the caller (its context or services): the subscribers of one source event (the same object, by
    /// reference) that sent the same document and variables share one execution and its serialised response, instead of
    /// one each (issue 21: a case followed by a thousand subscribers). graphql-js has no such option; without it, or
    /// for a response with errors, each subscriber's event is executed on its own, as graphql-js does.
    /// </summary>
    public bool SharesResponses { get; init; }

    /// <summary>@deprecated(reason:) — null when not deprecated.</summary>
    public string? DeprecationReason { get; init; }

    /// <summary>Cost of resolving this field once, for the cost limit; null means the default (1 for composite fields, 0 for leaves).</summary>
    public int? Cost { get; init; }

    public FieldDefinitionNode? AstNode { get; init; }
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    public override string ToString() => Name;
}
