namespace Cases.GraphQL.Engine.Language;

// The abstract syntax tree of spec section 2 (and 3 for type-system documents), one sealed record per graphql-js
// node kind. Nodes are immutable; every node carries the Location it was parsed from (null when built in code).
// Grouped in three files by concern (executable, values and types, type system) rather than one file per record,
// because the records are one-liners that read best side by side.

/// <summary>The base of every AST node.</summary>
public abstract record Node
{
    public Location? Loc { get; init; }
}

/// <summary>Name (spec 2.1.9).</summary>
public sealed record NameNode(string Value) : Node;

/// <summary>Document (spec 2.2): a list of definitions.</summary>
public sealed record DocumentNode(IReadOnlyList<DefinitionNode> Definitions) : Node;

public abstract record DefinitionNode : Node;

/// <summary>ExecutableDefinition (spec 2.2): an operation or a fragment.</summary>
public abstract record ExecutableDefinitionNode : DefinitionNode
{
    public abstract SelectionSetNode SelectionSet { get; }
    public abstract IReadOnlyList<DirectiveNode> Directives { get; }
}

public enum OperationType { Query, Mutation, Subscription }

/// <summary>OperationDefinition (spec 2.3); <see cref="Description"/> per the September 2025 edition.</summary>
public sealed record OperationDefinitionNode(
    OperationType Operation,
    NameNode? Name,
    IReadOnlyList<VariableDefinitionNode> VariableDefinitions,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet,
    StringValueNode? Description = null) : ExecutableDefinitionNode
{
    public override SelectionSetNode SelectionSet { get; } = SelectionSet;
    public override IReadOnlyList<DirectiveNode> Directives { get; } = Directives;
}

/// <summary>VariableDefinition (spec 2.10).</summary>
public sealed record VariableDefinitionNode(
    VariableNode Variable,
    TypeNode Type,
    ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives,
    StringValueNode? Description = null) : Node;

/// <summary>SelectionSet (spec 2.4).</summary>
public sealed record SelectionSetNode(IReadOnlyList<SelectionNode> Selections) : Node;

public abstract record SelectionNode : Node
{
    public abstract IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>Field (spec 2.5), with its optional alias (spec 2.7).</summary>
public sealed record FieldNode(
    NameNode? Alias,
    NameNode Name,
    IReadOnlyList<ArgumentNode> Arguments,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode? SelectionSet) : SelectionNode
{
    public override IReadOnlyList<DirectiveNode> Directives { get; } = Directives;

    /// <summary>The response key: the alias if present, else the field name.</summary>
    public string ResponseKey => Alias?.Value ?? Name.Value;
}

/// <summary>Argument (spec 2.6).</summary>
public sealed record ArgumentNode(NameNode Name, ValueNode Value) : Node;

/// <summary>FragmentSpread (spec 2.8).</summary>
public sealed record FragmentSpreadNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : SelectionNode
{
    public override IReadOnlyList<DirectiveNode> Directives { get; } = Directives;
}

/// <summary>InlineFragment (spec 2.8.2).</summary>
public sealed record InlineFragmentNode(
    NamedTypeNode? TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet) : SelectionNode
{
    public override IReadOnlyList<DirectiveNode> Directives { get; } = Directives;
}

/// <summary>FragmentDefinition (spec 2.8).</summary>
public sealed record FragmentDefinitionNode(
    NameNode Name,
    NamedTypeNode TypeCondition,
    IReadOnlyList<DirectiveNode> Directives,
    SelectionSetNode SelectionSet,
    StringValueNode? Description = null) : ExecutableDefinitionNode
{
    public override SelectionSetNode SelectionSet { get; } = SelectionSet;
    public override IReadOnlyList<DirectiveNode> Directives { get; } = Directives;
}

/// <summary>Directive (spec 2.12).</summary>
public sealed record DirectiveNode(NameNode Name, IReadOnlyList<ArgumentNode> Arguments) : Node;
