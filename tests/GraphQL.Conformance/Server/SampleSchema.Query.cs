using System.Globalization;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Conformance.Server;

public static partial class SampleSchema
{
    private static ObjectType Query(SampleTypes t, LibraryData data)
    {
        var query = new ObjectType("Query") { Description = "The root of every read." };
        foreach (var field in new[]
        {
            new FieldDefinition("hello", NonNull(String)) { Description = "Always \"world\".", Resolve = Sync(_ => "world") },
            new FieldDefinition("viewer", String)
            {
                Description = "The actor the request's context factory found (the X-Actor header), if any.",
                Resolve = Sync(ctx => (ctx.Context as RequestContext)?.Actor),
            },
            new FieldDefinition("node", t.Node)
            {
                Arguments = { new InputValueDefinition("id", NonNull(Id)) },
                Resolve = Sync(ctx => data.ById.GetValueOrDefault(ctx.Argument<string>("id")!)),
            },
            new FieldDefinition("item", t.Item)
            {
                Arguments = { new InputValueDefinition("key", NonNull(t.ItemKey)) },
                Resolve = Sync(ctx => FindItem(data, Record(ctx.Arguments["key"]))),
            },
            new FieldDefinition("book", t.Book)
            {
                Arguments = { new InputValueDefinition("id", NonNull(Id)) },
                Resolve = Sync(ctx => data.Books.FirstOrDefault(b => (string)b["id"]! == ctx.Argument<string>("id"))),
            },
            new FieldDefinition("books", NonNull(List(NonNull(t.Book))))
            {
                Arguments =
                {
                    new InputValueDefinition("filter", t.BookFilter),
                    new InputValueDefinition("first", Int) { DefaultValue = 10 },
                },
                Resolve = Sync(ctx =>
                {
                    var first = ctx.Arguments.GetValueOrDefault("first") as int?;
                    if (first < 0) throw Coded("\"first\" must not be negative.", "BAD_USER_INPUT");
                    var found = FilterBooks(data, ctx.Arguments.GetValueOrDefault("filter") as IReadOnlyDictionary<string, object?>);
                    return (first is { } n ? found.Take(n) : found).ToList();
                }),
            },
            new FieldDefinition("film", t.Film)
            {
                Arguments = { new InputValueDefinition("id", NonNull(Id)) },
                Resolve = Sync(ctx => data.Films.FirstOrDefault(f => (string)f["id"]! == ctx.Argument<string>("id"))),
            },
            new FieldDefinition("authors", NonNull(List(NonNull(t.Author)))) { Resolve = Sync(_ => data.Authors) },
            new FieldDefinition("search", NonNull(List(NonNull(t.SearchResult))))
            {
                Arguments = { new InputValueDefinition("text", NonNull(String)) },
                Resolve = Sync(ctx =>
                {
                    var text = ctx.Argument<string>("text")!.ToLowerInvariant();
                    bool Has(Dictionary<string, object?> r, string key) => ((string)r[key]!).ToLowerInvariant().Contains(text, StringComparison.Ordinal);
                    return data.Books.Where(b => Has(b, "title"))
                        .Concat(data.Films.Where(f => Has(f, "title")))
                        .Concat(data.Authors.Where(a => Has(a, "name")))
                        .ToList();
                }),
            },
            new FieldDefinition("matrix", NonNull(List(NonNull(List(NonNull(Int))))))
            {
                Resolve = Sync(_ => new[] { new[] { 1, 2, 3 }, new[] { 4, 5, 6 } }),
            },
            new FieldDefinition("sparse", List(List(Int)))
            {
                Resolve = Sync(_ => new List<List<int?>?> { new() { 1, null, 3 }, null, new() }),
            },
            new FieldDefinition("readings", List(t.Reading)) { Resolve = Sync(_ => data.Readings) },
            new FieldDefinition("strictReadings", List(NonNull(t.Reading))) { Resolve = Sync(_ => data.Readings) },
            new FieldDefinition("requiredReadings", NonNull(List(NonNull(t.Reading)))) { Resolve = Sync(_ => data.Readings) },
            new FieldDefinition("greet", NonNull(String))
            {
                Arguments =
                {
                    new InputValueDefinition("name", String) { DefaultValue = "stranger" },
                    new InputValueDefinition("title", String) { DeprecationReason = "Titles are no longer used." },
                },
                Resolve = Sync(ctx =>
                {
                    var name = ctx.Argument<string>("name") ?? "nobody";
                    return ctx.Argument<string>("title") is { } title ? $"Hello, {title} {name}!" : $"Hello, {name}!";
                }),
            },
            new FieldDefinition("oldHello", String) { DeprecationReason = "Use `hello`.", Resolve = Sync(_ => "world") },
            new FieldDefinition("failing", String) { Resolve = _ => throw Coded("This field always fails.", "DELIBERATE_FAILURE") },
            new FieldDefinition("crash", String) { Resolve = _ => throw new InvalidOperationException("boom: internal details that must not leak") },
            Echo("echoInt", "value", Int),
            Echo("echoFloat", "value", Float),
            Echo("echoString", "value", String),
            Echo("echoBoolean", "value", Boolean),
            Echo("echoId", "value", Id),
            Echo("echoGenre", "value", t.Genre),
            Echo("echoList", "values", List(Int)),
            Echo("echoNested", "values", List(List(NonNull(String)))),
            Echo("echoDate", "value", LocalDateScalar.Type),
            Echo("echoDateTime", "value", DateTimeScalar.Type),
            Echo("echoDuration", "value", DurationScalar.Type),
            new FieldDefinition("echoFilter", t.FilterEcho)
            {
                Arguments = { new InputValueDefinition("filter", t.BookFilter) },
                Resolve = Sync(ctx =>
                {
                    if (ctx.Arguments.GetValueOrDefault("filter") is not IReadOnlyDictionary<string, object?> filter) return null;
                    var echo = filter.ToDictionary();
                    echo["present"] = filter.Keys.ToList();
                    return echo;
                }),
            },
            new FieldDefinition("echoKey", NonNull(t.KeyEcho))
            {
                Arguments = { new InputValueDefinition("key", NonNull(t.ItemKey)) },
                Resolve = Sync(ctx => ctx.Arguments["key"]),
            },
        }) query.Fields.Add(field);
        return query;
    }

    /// <summary>A field that returns its one argument as given (after input coercion), for coercion tests.</summary>
    private static FieldDefinition Echo(string name, string argument, IGraphQLType type) => new(name, type)
    {
        Arguments = { new InputValueDefinition(argument, type) },
        Resolve = Sync(ctx => ctx.Arguments.GetValueOrDefault(argument)),
    };

    private static IEnumerable<Dictionary<string, object?>> FilterBooks(LibraryData data, IReadOnlyDictionary<string, object?>? filter)
    {
        if (filter is null) return data.Books;
        var genre = filter.GetValueOrDefault("genre") as string;
        var titleContains = filter.GetValueOrDefault("titleContains") as string;
        var minPages = filter.GetValueOrDefault("minPages") as int?;
        var maxPages = filter.GetValueOrDefault("maxPages") as int?;
        var authorIds = filter.GetValueOrDefault("authorIds") is { } ids ? Ids(ids).ToHashSet() : null;
        return data.Books.Where(b =>
            (genre is null || (string)b["genre"]! == genre)
            && (titleContains is null || ((string)b["title"]!).Contains(titleContains, StringComparison.Ordinal))
            && (minPages is null || Convert.ToInt64(b["pages"], CultureInfo.InvariantCulture) >= minPages)
            && (maxPages is null || Convert.ToInt64(b["pages"], CultureInfo.InvariantCulture) <= maxPages)
            && (authorIds is null || Ids(b["authorIds"]).Any(authorIds.Contains)));
    }

    private static Dictionary<string, object?>? FindItem(LibraryData data, IReadOnlyDictionary<string, object?> key)
    {
        if (key.GetValueOrDefault("id") is string id)
            return data.ById.GetValueOrDefault(id) is { } item && (string)item["__typename"]! != "Author" ? item : null;
        var isbn = key.GetValueOrDefault("isbn") as string;
        return data.Books.FirstOrDefault(b => b["isbn"] as string == isbn);
    }
}
