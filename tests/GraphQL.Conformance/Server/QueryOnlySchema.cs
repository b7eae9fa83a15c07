using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Conformance.Server;

/// <summary>A schema with a query type only (served at /graphql-query-only), for "The mutation operation is not supported by the schema."</summary>
public static class QueryOnlySchema
{
    public static Schema Build() => new(new ObjectType("Query")
    {
        Fields = { new FieldDefinition("hello", new NonNullType(BuiltInScalars.String)) { Resolve = _ => ValueTask.FromResult<object?>("world") } },
    });
}
