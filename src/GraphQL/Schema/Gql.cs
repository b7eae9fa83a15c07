using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Schema;

/// <summary>Short forms for building the schema in code, so type definitions read like SDL.</summary>
static class Gql
{
    public static readonly ScalarType GString = BuiltInScalars.String, GInt = BuiltInScalars.Int, GFloat = BuiltInScalars.Float,
        GBoolean = BuiltInScalars.Boolean, GID = BuiltInScalars.ID;

    public static NonNullType NonNull(IGraphQLType t) => new(t);

    /// <summary><c>[T!]!</c></summary>
    public static NonNullType ListOf(IGraphQLType t) => new(new ListType(new NonNullType(t)));

    /// <summary>A field read from the parent value of type <typeparamref name="T"/>.</summary>
    public static FieldDefinition Field<T>(string name, IGraphQLType type, Func<T, object?> get, string? description = null) =>
        new(name, type) { Description = description, Resolve = ctx => new ValueTask<object?>(get((T)ctx.Source!)) };

    public static FieldDefinition Field(string name, IGraphQLType type, Func<ResolveContext, ValueTask<object?>> resolve, string? description = null) =>
        new(name, type) { Description = description, Resolve = resolve };

    public static InputValueDefinition Arg(string name, IGraphQLType type, string? description = null) => new(name, type) { Description = description };

    public static T? Get<T>(this IReadOnlyDictionary<string, object?> input, string name) => input.TryGetValue(name, out var v) && v is T t ? t : default;

    public static IReadOnlyList<string> Strings(this IReadOnlyDictionary<string, object?> input, string name) =>
        input.TryGetValue(name, out var v) && v is IEnumerable<object?> list ? list.OfType<string>().ToList() : [];
}
