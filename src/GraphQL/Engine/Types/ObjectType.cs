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
