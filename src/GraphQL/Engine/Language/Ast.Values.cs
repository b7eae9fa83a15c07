namespace Cases.GraphQL.Engine.Language;

/// <summary>Value (spec 2.9).</summary>
public abstract record ValueNode : Node;

/// <summary>Variable (spec 2.10).</summary>
public sealed record VariableNode(NameNode Name) : ValueNode;

/// <summary>IntValue (spec 2.9.1); the raw lexeme.</summary>
public sealed record IntValueNode(string Value) : ValueNode;

/// <summary>FloatValue (spec 2.9.2); the raw lexeme.</summary>
public sealed record FloatValueNode(string Value) : ValueNode;

/// <summary>StringValue (spec 2.9.4); <see cref="Value"/> is the cooked string, <see cref="Block"/> whether it was written as a block string.</summary>
public sealed record StringValueNode(string Value, bool Block = false) : ValueNode;

/// <summary>BooleanValue (spec 2.9.3).</summary>
public sealed record BooleanValueNode(bool Value) : ValueNode;

/// <summary>NullValue (spec 2.9.5).</summary>
public sealed record NullValueNode : ValueNode;

/// <summary>EnumValue (spec 2.9.6).</summary>
public sealed record EnumValueNode(string Value) : ValueNode;

/// <summary>ListValue (spec 2.9.7).</summary>
public sealed record ListValueNode(IReadOnlyList<ValueNode> Values) : ValueNode;

/// <summary>ObjectValue (spec 2.9.8).</summary>
public sealed record ObjectValueNode(IReadOnlyList<ObjectFieldNode> Fields) : ValueNode;

public sealed record ObjectFieldNode(NameNode Name, ValueNode Value) : Node;

/// <summary>Type references (spec 2.11).</summary>
public abstract record TypeNode : Node;

public sealed record NamedTypeNode(NameNode Name) : TypeNode;

public sealed record ListTypeNode(TypeNode Type) : TypeNode;

public sealed record NonNullTypeNode(TypeNode Type) : TypeNode;
