namespace Cases.GraphQL.Engine.Types;

/// <summary>Type predicates and relations (graphql-js type/definition.ts and utilities/typeComparators.ts).</summary>
public static class TypeRules
{
    public static INamedType NamedType(IGraphQLType type) => type switch
    {
        ListType l => NamedType(l.OfType),
        NonNullType n => NamedType(n.OfType),
        _ => (INamedType)type,
    };

    public static IGraphQLType Nullable(IGraphQLType type) => type is NonNullType n ? n.OfType : type;

    public static bool IsInputType(IGraphQLType type) =>
        NamedType(type) is ScalarType or EnumType or InputObjectType;

    public static bool IsOutputType(IGraphQLType type) =>
        NamedType(type) is ScalarType or EnumType or ObjectType or InterfaceType or UnionType;

    public static bool IsLeafType(IGraphQLType? type) => type is ScalarType or EnumType;

    public static bool IsCompositeType(IGraphQLType? type) => type is ObjectType or InterfaceType or UnionType;

    public static bool IsAbstractType(IGraphQLType? type) => type is InterfaceType or UnionType;

    /// <summary>Both types are equal, by name for named types (isEqualType).</summary>
    public static bool IsEqualType(IGraphQLType a, IGraphQLType b) => (a, b) switch
    {
        (NonNullType x, NonNullType y) => IsEqualType(x.OfType, y.OfType),
        (ListType x, ListType y) => IsEqualType(x.OfType, y.OfType),
        (INamedType x, INamedType y) => ReferenceEquals(x, y) || x.Name == y.Name,
        _ => false,
    };

    /// <summary>isTypeSubTypeOf: <paramref name="maybeSubType"/> may be used where <paramref name="superType"/> is expected.</summary>
    public static bool IsTypeSubTypeOf(Schema schema, IGraphQLType maybeSubType, IGraphQLType superType)
    {
        if (IsEqualType(maybeSubType, superType)) return true;
        if (superType is NonNullType superNonNull)
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        if (maybeSubType is NonNullType sub) return IsTypeSubTypeOf(schema, sub.OfType, superType);
        if (superType is ListType superList)
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        if (maybeSubType is ListType) return false;
        return superType is IAbstractType abs && maybeSubType is ObjectType or InterfaceType
               && schema.IsSubType(abs, (ICompositeType)maybeSubType);
    }

    /// <summary>doTypesOverlap: some object type could be both.</summary>
    public static bool DoTypesOverlap(Schema schema, ICompositeType a, ICompositeType b)
    {
        if (ReferenceEquals(a, b) || a.Name == b.Name) return true;
        if (a is IAbstractType aa)
        {
            if (b is IAbstractType bb) return schema.GetPossibleTypes(aa).Any(t => schema.IsSubType(bb, t));
            return schema.IsSubType(aa, b);
        }
        if (b is IAbstractType ba) return schema.IsSubType(ba, a);
        return false;
    }

    /// <summary>Builds the schema type for an AST type reference, or null if a named type is unknown (typeFromAST).</summary>
    public static IGraphQLType? FromAst(Schema schema, Language.TypeNode node) => node switch
    {
        Language.ListTypeNode l => FromAst(schema, l.Type) is { } inner ? new ListType(inner) : null,
        Language.NonNullTypeNode n => FromAst(schema, n.Type) is { } inner ? new NonNullType(inner) : null,
        Language.NamedTypeNode named => schema.GetType(named.Name.Value),
        _ => null,
    };
}
