using Cases.GraphQL.Engine.Execution;

namespace Cases.GraphQL.Engine.Types;

/// <summary>Interface type (spec 3.7); interfaces may implement interfaces.</summary>
public sealed class InterfaceType(string name) : NamedTypeBase(name), IFieldsType, IAbstractType
{
    public FieldList Fields { get; init; } = [];
    public List<InterfaceType> Interfaces { get; init; } = [];
    public Func<object, ResolveContext, string?>? ResolveType { get; init; }
}
