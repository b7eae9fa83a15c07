namespace Cases.GraphQL.Engine.Language;

/// <summary>TypeSystemDefinition or TypeSystemExtension (spec 3).</summary>
public abstract record TypeSystemDefinitionNode : DefinitionNode;

/// <summary>SchemaDefinition (spec 3.3).</summary>
public sealed record SchemaDefinitionNode(
    StringValueNode? Description,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<OperationTypeDefinitionNode> OperationTypes) : TypeSystemDefinitionNode;

public sealed record OperationTypeDefinitionNode(OperationType Operation, NamedTypeNode Type) : Node;

/// <summary>SchemaExtension (spec 3.3.2).</summary>
public sealed record SchemaExtensionNode(
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<OperationTypeDefinitionNode> OperationTypes) : TypeSystemDefinitionNode;

/// <summary>A type definition or extension: has a name and directives.</summary>
public abstract record TypeDefinitionOrExtensionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : TypeSystemDefinitionNode;

/// <summary>TypeDefinition (spec 3.4).</summary>
public abstract record TypeDefinitionNode(StringValueNode? Description, NameNode Name, IReadOnlyList<DirectiveNode> Directives)
    : TypeDefinitionOrExtensionNode(Name, Directives);

/// <summary>TypeExtension (spec 3.4.3).</summary>
public abstract record TypeExtensionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives)
    : TypeDefinitionOrExtensionNode(Name, Directives);

public sealed record ScalarTypeDefinitionNode(StringValueNode? Description, NameNode Name, IReadOnlyList<DirectiveNode> Directives)
    : TypeDefinitionNode(Description, Name, Directives);

public sealed record ObjectTypeDefinitionNode(
    StringValueNode? Description, NameNode Name, IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<FieldDefinitionNode> Fields)
    : TypeDefinitionNode(Description, Name, Directives);

public sealed record FieldDefinitionNode(
    StringValueNode? Description, NameNode Name, IReadOnlyList<InputValueDefinitionNode> Arguments,
    TypeNode Type, IReadOnlyList<DirectiveNode> Directives) : Node;

public sealed record InputValueDefinitionNode(
    StringValueNode? Description, NameNode Name, TypeNode Type, ValueNode? DefaultValue,
    IReadOnlyList<DirectiveNode> Directives) : Node;

public sealed record InterfaceTypeDefinitionNode(
    StringValueNode? Description, NameNode Name, IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<FieldDefinitionNode> Fields)
    : TypeDefinitionNode(Description, Name, Directives);

public sealed record UnionTypeDefinitionNode(
    StringValueNode? Description, NameNode Name, IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<NamedTypeNode> Types)
    : TypeDefinitionNode(Description, Name, Directives);

public sealed record EnumTypeDefinitionNode(
    StringValueNode? Description, NameNode Name, IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<EnumValueDefinitionNode> Values)
    : TypeDefinitionNode(Description, Name, Directives);

public sealed record EnumValueDefinitionNode(StringValueNode? Description, NameNode Name, IReadOnlyList<DirectiveNode> Directives) : Node;

public sealed record InputObjectTypeDefinitionNode(
    StringValueNode? Description, NameNode Name, IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<InputValueDefinitionNode> Fields)
    : TypeDefinitionNode(Description, Name, Directives);

/// <summary>DirectiveDefinition (spec 3.13).</summary>
public sealed record DirectiveDefinitionNode(
    StringValueNode? Description, NameNode Name, IReadOnlyList<InputValueDefinitionNode> Arguments,
    bool Repeatable, IReadOnlyList<NameNode> Locations) : TypeSystemDefinitionNode
{
    /// <summary>Directives applied to the directive definition (graphql-js 17, e.g. @deprecated).</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}

/// <summary>DirectiveExtension (graphql-js 17): extend directive @name @applied.</summary>
public sealed record DirectiveExtensionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : TypeSystemDefinitionNode;

public sealed record ScalarTypeExtensionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives) : TypeExtensionNode(Name, Directives);

public sealed record ObjectTypeExtensionNode(
    NameNode Name, IReadOnlyList<NamedTypeNode> Interfaces, IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<FieldDefinitionNode> Fields)
    : TypeExtensionNode(Name, Directives);

public sealed record InterfaceTypeExtensionNode(
    NameNode Name, IReadOnlyList<NamedTypeNode> Interfaces, IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<FieldDefinitionNode> Fields)
    : TypeExtensionNode(Name, Directives);

public sealed record UnionTypeExtensionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<NamedTypeNode> Types)
    : TypeExtensionNode(Name, Directives);

public sealed record EnumTypeExtensionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<EnumValueDefinitionNode> Values)
    : TypeExtensionNode(Name, Directives);

public sealed record InputObjectTypeExtensionNode(NameNode Name, IReadOnlyList<DirectiveNode> Directives, IReadOnlyList<InputValueDefinitionNode> Fields)
    : TypeExtensionNode(Name, Directives);
