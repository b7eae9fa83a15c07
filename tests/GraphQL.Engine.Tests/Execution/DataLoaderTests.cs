using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Engine.Tests.Execution;

public class DataLoaderTests
{
    [Fact]
    public async Task Loads_from_every_item_of_a_list_are_batched_into_one_call_per_level()
    {
        var batches = new List<IReadOnlyList<int>>();
        DataLoader<int, string> Authors(ResolveContext ctx) => ctx.Loaders.GetOrAdd<int, string>("authors", async (ids, _) =>
        {
            batches.Add(ids);
            await Task.Yield();
            return ids.ToDictionary(id => id, id => $"author {id}");
        });
        var book = new ObjectType("Book")
        {
            Fields =
            {
                new FieldDefinition("id", BuiltInScalars.Int),
                new FieldDefinition("author", BuiltInScalars.String)
                {
                    Resolve = async ctx => await Authors(ctx).LoadAsync((int)((Dictionary<string, object?>)ctx.Source!)["authorId"]!),
                },
            },
        };
        var query = new ObjectType("Query")
        {
            Fields =
            {
                new FieldDefinition("books", new ListType(book))
                {
                    Resolve = _ => new ValueTask<object?>(Enumerable.Range(1, 5)
                        .Select(i => new Dictionary<string, object?> { ["id"] = i, ["authorId"] = i % 3 }).ToList()),
                },
            },
        };
        var result = await Executor.ExecuteAsync(new ExecutionRequest(new Schema(query), Parser.Parse("{ books { id author } a: books { author } }")));
        Assert.Null(result.Errors);
        Assert.Single(batches);
        Assert.Equal([1, 2, 0], batches[0]);
        Assert.Contains("\"author\":\"author 2\"", result.ToJson());
    }

    [Fact]
    public async Task A_key_loaded_twice_in_a_request_is_fetched_once()
    {
        var requested = new List<string>();
        var query = new ObjectType("Query")
        {
            Fields =
            {
                new FieldDefinition("name", BuiltInScalars.String)
                {
                    Arguments = { new InputValueDefinition("id", BuiltInScalars.String) },
                    Resolve = async ctx => await ctx.Loaders.GetOrAdd<string, string>("names", (ids, _) =>
                    {
                        requested.AddRange(ids);
                        return Task.FromResult<IReadOnlyDictionary<string, string>>(ids.ToDictionary(id => id, id => id.ToUpperInvariant()));
                    }).LoadAsync(ctx.Argument<string>("id")!),
                },
            },
        };
        var result = await Executor.ExecuteAsync(new ExecutionRequest(new Schema(query), Parser.Parse("""{ a: name(id: "x") b: name(id: "y") c: name(id: "x") }""")));
        Assert.Equal("""{"data":{"a":"X","b":"Y","c":"X"}}""", result.ToJson());
        Assert.Equal(["x", "y"], requested);
    }

    [Fact]
    public async Task A_failing_batch_fails_each_waiting_field()
    {
        var query = new ObjectType("Query")
        {
            Fields =
            {
                new FieldDefinition("x", BuiltInScalars.String)
                {
                    Resolve = async ctx => await ctx.Loaders.GetOrAdd<int, string>("x", (_, _) => throw new InvalidOperationException("db down")).LoadAsync(1),
                },
            },
        };
        var result = await Executor.ExecuteAsync(new ExecutionRequest(new Schema(query), Parser.Parse("{ a: x b: x }")));
        Assert.Equal(["db down", "db down"], result.Errors!.Select(e => e.Message));
    }
}
