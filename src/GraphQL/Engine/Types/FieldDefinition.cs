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

    /// <summary>@deprecated(reason:) — null when not deprecated.</summary>
    public string? DeprecationReason { get; init; }

    /// <summary>Cost of resolving this field once, for the cost limit; null means the default (1 for composite fields, 0 for leaves).</summary>
    public int? Cost { get; init; }

    public FieldDefinitionNode? AstNode { get; init; }
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    public override string ToString() => Name;
}
