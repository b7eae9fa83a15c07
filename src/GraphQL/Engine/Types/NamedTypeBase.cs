using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Types;

/// <summary>What every named type shares: name, description, and the SDL node it was built from (if any).</summary>
public abstract class NamedTypeBase(string name) : INamedType
{
    public string Name { get; } = name;
    public string? Description { get; init; }

    /// <summary>The definition node when the type was built from SDL; used for error locations in schema validation.</summary>
    public TypeDefinitionNode? AstNode { get; init; }

    /// <summary>Directives applied to the type (kept for SDL round trips; not interpreted by the executor).</summary>
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; init; } = [];

    public override string ToString() => Name;
}
