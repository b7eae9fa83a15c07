using Cases.GraphQL.Engine.Execution;

namespace Cases.GraphQL.Engine.Types;

/// <summary>Object type (spec 3.6). Fields and interfaces are mutable lists so types can refer to each other before the schema is built.</summary>
public sealed class ObjectType(string name) : NamedTypeBase(name), IFieldsType
{
    public FieldList Fields { get; init; } = [];
    public List<InterfaceType> Interfaces { get; init; } = [];

    /// <summary>Whether a value belongs to this type; used to resolve abstract types when they have no ResolveType.</summary>
    public Func<object, ResolveContext, bool>? IsTypeOf { get; init; }
}

/// <summary>Interface type (spec 3.7); interfaces may implement interfaces.</summary>
public sealed class InterfaceType(string name) : NamedTypeBase(name), IFieldsType, IAbstractType
{
    public FieldList Fields { get; init; } = [];
    public List<InterfaceType> Interfaces { get; init; } = [];
    public Func<object, ResolveContext, string?>? ResolveType { get; init; }
}

/// <summary>Union type (spec 3.8).</summary>
public sealed class UnionType(string name) : NamedTypeBase(name), IAbstractType
{
    public List<ObjectType> Types { get; init; } = [];
    public Func<object, ResolveContext, string?>? ResolveType { get; init; }
}

/// <summary>Input object type (spec 3.10); <see cref="IsOneOf"/> marks a @oneOf input object (exactly one field, non-null).</summary>
public sealed class InputObjectType(string name) : NamedTypeBase(name)
{
    public InputValueList Fields { get; init; } = [];
    public bool IsOneOf { get; init; }
}
