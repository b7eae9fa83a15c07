using System.Text.Json;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Tests.Introspection;

/// <summary>A view of a schema shown by introspection, while execution keeps the whole schema.</summary>
public class SchemaViewTests
{
    private static readonly Schema Whole = SchemaBuilder.FromSdl("""
        type Query { book: Book secret: Ledger }
        type Mutation { borrow: String audit: String }
        type Book { title: String }
        type Ledger { total: Int }
        """, new Dictionary<string, Func<ResolveContext, ValueTask<object?>>>
        {
            ["Query.secret"] = _ => new ValueTask<object?>(new Dictionary<string, object?> { ["total"] = 3 }),
        });

    private static readonly Schema Public = SchemaView.WithRootFields(Whole, (operation, field) => field.Name is not ("secret" or "audit"));

    private static async Task<string> Run(string query, Schema? introspected) =>
        (await Executor.ExecuteAsync(new ExecutionRequest(Whole, Parser.Parse(query)) { IntrospectedSchema = introspected })).ToJson();

    [Fact]
    public async Task Introspection_shows_only_the_kept_root_fields_and_the_types_they_reach()
    {
        var json = await Run("{ __schema { queryType { fields { name } } mutationType { fields { name } } types { name } } }", Public);
        Assert.Contains("\"book\"", json);
        Assert.DoesNotContain("\"secret\"", json);
        Assert.DoesNotContain("\"audit\"", json);
        Assert.DoesNotContain("\"Ledger\"", json);
        Assert.Equal("""{"data":{"__type":null}}""", await Run("{ __type(name: \"Ledger\") { name } }", Public));
    }

    [Fact]
    public async Task Without_a_view_introspection_shows_the_whole_schema_and_execution_is_the_same_either_way()
    {
        Assert.Contains("\"Ledger\"", await Run("{ __type(name: \"Ledger\") { name } }", null));
        Assert.Equal(await Run("{ secret { total } }", null), await Run("{ secret { total } }", Public));
    }
}
