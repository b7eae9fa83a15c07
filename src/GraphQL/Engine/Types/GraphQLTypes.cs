namespace Cases.GraphQL.Engine.Types;

/// <summary>
/// Any type of the schema (spec 3.4 "Types"): a named type, or a <see cref="ListType"/> / <see cref="NonNullType"/>
/// wrapper. Whether a type may be used for input or output is checked by <see cref="TypeRules"/> and by
/// <see cref="Schema.Validate"/>, as graphql-js does, rather than by the C# type system, because wrappers are both.
/// </summary>
public interface IGraphQLType;

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public interface INamedType : IGraphQLType
{
    string Name { get; }
    string? Description { get; }
}

/// <summary>Object, interface or union: a type that has a selection set.</summary>
public interface ICompositeType : INamedType;

/// <summary>Interface or union: the concrete object type is chosen at run time.</summary>
public interface IAbstractType : ICompositeType
{
    /// <summary>Returns the name of the concrete object type of a value, or null to fall back on <see cref="ObjectType.IsTypeOf"/>.</summary>
    Func<object, Execution.ResolveContext, string?>? ResolveType { get; }
}

/// <summary>An object or interface type: has fields.</summary>
public interface IFieldsType : ICompositeType
{
    FieldList Fields { get; }
    List<InterfaceType> Interfaces { get; }
}

/// <summary>Scalar or enum: a leaf of the response.</summary>
public interface ILeafType : INamedType
{
    /// <summary>Internal value to response value; throws <see cref="Errors.GraphQLException"/> if it cannot.</summary>
    object? Serialize(object? value);

    /// <summary>Variable value (plain CLR value decoded from JSON) to internal value; throws if invalid.</summary>
    object? ParseValue(object? value);

    /// <summary>Literal to internal value; throws if invalid.</summary>
    object? ParseLiteral(Language.ValueNode literal, IReadOnlyDictionary<string, object?>? variables);
}

/// <summary>List wrapper (spec 3.11). A record, so two wrappers of the same type are equal.</summary>
public sealed record ListType(IGraphQLType OfType) : IGraphQLType
{
    public override string ToString() => $"[{OfType}]";
}

/// <summary>Non-null wrapper (spec 3.12). Wrapping a non-null type is rejected.</summary>
public sealed record NonNullType : IGraphQLType
{
    public NonNullType(IGraphQLType ofType)
    {
        if (ofType is NonNullType) throw new ArgumentException($"Expected {ofType} to be a nullable type.", nameof(ofType));
        OfType = ofType;
    }

    public IGraphQLType OfType { get; }

    public override string ToString() => $"{OfType}!";
}
