using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Conformance.Server;

/// <summary>
/// The sample schema, code first: the C# twin of ../sample-schema.mjs and of golden/sample-schema.graphql. Types are
/// listed in the golden file's order, because the schema's type map (and so the printed SDL and introspection)
/// follows the order types are given in, as graphql-js's buildSchema does with document order.
/// Split by concern: this file holds the types, SampleSchema.Query.cs and SampleSchema.Mutation.cs the roots.
/// </summary>
public static partial class SampleSchema
{
    private static readonly ScalarType String = BuiltInScalars.String;
    private static readonly ScalarType Int = BuiltInScalars.Int;
    private static readonly ScalarType Float = BuiltInScalars.Float;
    private static readonly ScalarType Boolean = BuiltInScalars.Boolean;
    private static readonly ScalarType Id = BuiltInScalars.ID;

    public static Schema Build(LibraryData data)
    {
        var t = new SampleTypes();
        DefineTypes(t, data);
        var query = Query(t, data);
        var mutation = Mutation(t, data);
        var subscription = new ObjectType("Subscription")
        {
            Description = "Declared for validation only: this server executes no subscriptions over HTTP.",
            Fields =
            {
                new FieldDefinition("bookAdded", NonNull(t.Book)),
                new FieldDefinition("tick", NonNull(Int)) { Arguments = { new InputValueDefinition("every", DurationScalar.Type) { DefaultValue = TimeSpan.FromSeconds(1) } } },
            },
        };
        INamedType[] types =
        [
            query, t.Node, t.Item, t.Book, t.Film, t.Author, t.SearchResult, t.Reading, t.Genre, t.BookFilter, t.ItemKey,
            t.FilterEcho, t.KeyEcho, mutation, t.AddBookInput, t.AddBookExtra, t.Loan, subscription,
            DateTimeScalar.Type, LocalDateScalar.Type, DurationScalar.Type,
        ];
        // Custom directives first, then the specified ones: the order graphql-js's buildSchema gives them.
        return new Schema(query, mutation, subscription, types, [Tag, Upper, .. SpecifiedDirectives.All],
            description: "A small library: the sample schema of the conformance tests.");
    }

    private static readonly DirectiveDefinition Tag = new("tag",
        DirectiveLocation.Query, DirectiveLocation.Mutation, DirectiveLocation.Field, DirectiveLocation.FragmentDefinition,
        DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment)
    {
        Description = "Marks an element for a consumer; may be repeated.",
        IsRepeatable = true,
        Arguments = { new InputValueDefinition("name", NonNull(String)) },
    };

    private static readonly DirectiveDefinition Upper = new("upper", DirectiveLocation.Field)
    {
        Description = "Asks for a field's string value in upper case (accepted and ignored by execution).",
    };

    /// <summary>The named types other than the roots, created first so that they can refer to each other.</summary>
    private sealed class SampleTypes
    {
        public readonly InterfaceType Node = new("Node") { Description = "An object with a globally unique id.", ResolveType = ByTypename };
        public readonly InterfaceType Item = new("Item") { Description = "Something that can be borrowed.", ResolveType = ByTypename };
        public readonly ObjectType Book = new("Book") { Description = "A written work.\n\nBlock descriptions keep their line breaks." };
        public readonly ObjectType Film = new("Film") { Description = "A moving picture." };
        public readonly ObjectType Author = new("Author") { Description = "A person who writes or directs." };
        public readonly UnionType SearchResult = new("SearchResult") { Description = "What a search can find.", ResolveType = ByTypename };
        public readonly ObjectType Reading = new("Reading") { Description = "A measurement from a sensor that may be offline." };
        public readonly ObjectType FilterEcho = new("FilterEcho") { Description = "What the server saw of a BookFilter." };
        public readonly ObjectType KeyEcho = new("KeyEcho") { Description = "What the server saw of an ItemKey." };
        public readonly ObjectType Loan = new("Loan") { Description = "An item lent out." };

        public readonly EnumType Genre = new("Genre")
        {
            Description = "The kind of a book.",
            Values =
            {
                new EnumValueDefinition("FICTION"),
                new EnumValueDefinition("SCIENCE"),
                new EnumValueDefinition("HISTORY"),
                new EnumValueDefinition("POETRY") { DeprecationReason = "Merged into FICTION." },
            },
        };

        public readonly InputObjectType BookFilter = new("BookFilter") { Description = "Narrows a book list." };
        public readonly InputObjectType ItemKey = new("ItemKey") { Description = "Exactly one way to name an item.", IsOneOf = true };
        public readonly InputObjectType AddBookInput = new("AddBookInput") { Description = "A new book." };
        public readonly InputObjectType AddBookExtra = new("AddBookExtra") { Description = "Optional details of a new book." };
    }

    private static void DefineTypes(SampleTypes t, LibraryData data)
    {
        t.Node.Fields.Add(new FieldDefinition("id", NonNull(Id)));

        t.Item.Interfaces.Add(t.Node);
        t.Item.Fields.Add(new FieldDefinition("id", NonNull(Id)));
        t.Item.Fields.Add(new FieldDefinition("title", NonNull(String)));
        t.Item.Fields.Add(new FieldDefinition("addedOn", NonNull(LocalDateScalar.Type)));

        t.Book.Interfaces.AddRange([t.Item, t.Node]);
        foreach (var field in new[]
        {
            new FieldDefinition("id", NonNull(Id)),
            new FieldDefinition("title", NonNull(String)),
            new FieldDefinition("addedOn", NonNull(LocalDateScalar.Type)),
            new FieldDefinition("isbn", String),
            new FieldDefinition("pages", NonNull(Int)),
            new FieldDefinition("genre", NonNull(t.Genre)),
            new FieldDefinition("rating", Float),
            new FieldDefinition("tags", List(NonNull(String))),
            new FieldDefinition("authors", NonNull(List(NonNull(t.Author))))
            {
                Resolve = Sync(ctx => Ids(Record(ctx.Source)["authorIds"]).Select(id => data.ById.GetValueOrDefault(id)).ToList()),
            },
            new FieldDefinition("chapters", List(List(NonNull(String)))) { Description = "Chapter titles, grouped by part." },
            new FieldDefinition("name", String) { DeprecationReason = "Use `title`.", Resolve = Sync(ctx => Record(ctx.Source)["title"]) },
        }) t.Book.Fields.Add(field);

        t.Film.Interfaces.AddRange([t.Item, t.Node]);
        foreach (var field in new[]
        {
            new FieldDefinition("id", NonNull(Id)),
            new FieldDefinition("title", NonNull(String)),
            new FieldDefinition("addedOn", NonNull(LocalDateScalar.Type)),
            new FieldDefinition("runtime", NonNull(DurationScalar.Type)),
            new FieldDefinition("releasedAt", DateTimeScalar.Type),
            new FieldDefinition("director", t.Author)
            {
                Resolve = Sync(ctx => Record(ctx.Source)["directorId"] is string id ? data.ById.GetValueOrDefault(id) : null),
            },
        }) t.Film.Fields.Add(field);

        t.Author.Interfaces.Add(t.Node);
        foreach (var field in new[]
        {
            new FieldDefinition("id", NonNull(Id)),
            new FieldDefinition("name", NonNull(String)),
            new FieldDefinition("born", LocalDateScalar.Type),
            new FieldDefinition("nickname", NonNull(String)) { Description = "Resolves to null for authors without one, although the type is non-null." },
            new FieldDefinition("secret", String)
            {
                Description = "Always fails with a coded error.",
                Resolve = _ => throw Coded("Secrets are not shared.", "FORBIDDEN"),
            },
            new FieldDefinition("books", NonNull(List(NonNull(t.Book))))
            {
                Resolve = Sync(ctx =>
                {
                    var id = (string)Record(ctx.Source)["id"]!;
                    return data.Books.Where(b => Ids(b["authorIds"]).Contains(id)).ToList();
                }),
            },
        }) t.Author.Fields.Add(field);

        t.SearchResult.Types.AddRange([t.Book, t.Film, t.Author]);

        t.Reading.Fields.Add(new FieldDefinition("id", NonNull(Id)));
        t.Reading.Fields.Add(new FieldDefinition("value", NonNull(Float))
        {
            Description = "Fails when the sensor is offline.",
            Resolve = Sync(ctx =>
            {
                var reading = Record(ctx.Source);
                return reading["offline"] is true ? throw Coded($"Sensor {reading["id"]} is offline.", "SENSOR_OFFLINE") : reading["value"];
            }),
        });
        t.Reading.Fields.Add(new FieldDefinition("unit", String));

        t.BookFilter.Fields.Add(new InputValueDefinition("genre", t.Genre));
        t.BookFilter.Fields.Add(new InputValueDefinition("titleContains", String));
        t.BookFilter.Fields.Add(new InputValueDefinition("minPages", Int) { DefaultValue = 0 });
        t.BookFilter.Fields.Add(new InputValueDefinition("maxPages", Int) { DeprecationReason = "Use `minPages`." });
        t.BookFilter.Fields.Add(new InputValueDefinition("authorIds", List(NonNull(Id))));

        t.ItemKey.Fields.Add(new InputValueDefinition("id", Id));
        t.ItemKey.Fields.Add(new InputValueDefinition("isbn", String));

        t.FilterEcho.Fields.Add(new FieldDefinition("genre", t.Genre));
        t.FilterEcho.Fields.Add(new FieldDefinition("titleContains", String));
        t.FilterEcho.Fields.Add(new FieldDefinition("minPages", Int));
        t.FilterEcho.Fields.Add(new FieldDefinition("maxPages", Int));
        t.FilterEcho.Fields.Add(new FieldDefinition("authorIds", List(NonNull(Id))));
        t.FilterEcho.Fields.Add(new FieldDefinition("present", NonNull(List(NonNull(String))))
        {
            Description = "Which fields the coerced input holds, given or defaulted, in definition order.",
        });

        t.KeyEcho.Fields.Add(new FieldDefinition("id", Id));
        t.KeyEcho.Fields.Add(new FieldDefinition("isbn", String));

        t.AddBookInput.Fields.Add(new InputValueDefinition("title", NonNull(String)));
        t.AddBookInput.Fields.Add(new InputValueDefinition("genre", NonNull(t.Genre)) { DefaultValue = "FICTION" });
        t.AddBookInput.Fields.Add(new InputValueDefinition("pages", NonNull(Int)) { DefaultValue = 100 });
        t.AddBookInput.Fields.Add(new InputValueDefinition("authorIds", NonNull(List(NonNull(Id)))) { DefaultValue = new List<object?>() });
        t.AddBookInput.Fields.Add(new InputValueDefinition("tags", List(String)));
        t.AddBookInput.Fields.Add(new InputValueDefinition("published", LocalDateScalar.Type));
        t.AddBookInput.Fields.Add(new InputValueDefinition("extra", t.AddBookExtra));

        t.AddBookExtra.Fields.Add(new InputValueDefinition("note", String));
        t.AddBookExtra.Fields.Add(new InputValueDefinition("priority", Int) { DefaultValue = 1 });

        t.Loan.Fields.Add(new FieldDefinition("item", NonNull(t.Item)));
        t.Loan.Fields.Add(new FieldDefinition("period", NonNull(DurationScalar.Type)));
        t.Loan.Fields.Add(new FieldDefinition("startedAt", NonNull(DateTimeScalar.Type)));
    }

    // ---- small helpers shared by the partial files

    private static NonNullType NonNull(IGraphQLType type) => new(type);

    private static ListType List(IGraphQLType type) => new(type);

    private static Func<ResolveContext, ValueTask<object?>> Sync(Func<ResolveContext, object?> resolve) =>
        ctx => ValueTask.FromResult(resolve(ctx));

    private static IReadOnlyDictionary<string, object?> Record(object? value) => (IReadOnlyDictionary<string, object?>)value!;

    private static IEnumerable<string> Ids(object? list) => ((IEnumerable<object?>?)list ?? []).Select(id => (string)id!);

    private static GraphQLException Coded(string message, string code) =>
        new(message, new Dictionary<string, object?> { ["code"] = code });

    private static string? ByTypename(object value, ResolveContext _) =>
        (value as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("__typename") as string;
}
