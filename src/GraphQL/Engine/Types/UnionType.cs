using Cases.GraphQL.Engine.Execution;

namespace Cases.GraphQL.Engine.Types;

/// <summary>Union type (spec 3.8).</summary>
public sealed class UnionType(string name) : NamedTypeBase(name), IAbstractType
{
    public List<ObjectType> Types { get; init; } = [];
    public Func<object, ResolveContext, string?>? ResolveType { get; init; }
}
