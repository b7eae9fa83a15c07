using System.Text.Json;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Engine.Tests.Execution;

public class ExecutorTests
{
    private static ValueTask<object?> Value(object? v) => new(v);

    private static async Task<string> Run(Schema schema, string query, string? variablesJson = null, string? operationName = null, object? root = null)
    {
        var variables = variablesJson is null ? null : JsonInput.ToDictionary(JsonDocument.Parse(variablesJson).RootElement);
        var result = await Executor.ExecuteAsync(new ExecutionRequest(schema, Parser.Parse(query), operationName, variables, root));
        return result.ToJson();
    }

    private static readonly Schema Library = BuildLibrary();

    private static Schema BuildLibrary()
    {
        var book = new ObjectType("Book")
        {
            Fields =
            {
                new FieldDefinition("title", new NonNullType(BuiltInScalars.String)),
                new FieldDefinition("pages", BuiltInScalars.Int),
                new FieldDefinition("broken", BuiltInScalars.String) { Resolve = _ => throw new InvalidOperationException("boom") },
                new FieldDefinition("brokenNonNull", new NonNullType(BuiltInScalars.String)) { Resolve = _ => Value(null) },
                new FieldDefinition("coded", BuiltInScalars.String)
                {
                    Resolve = _ => throw new GraphQLException("Not allowed", new Dictionary<string, object?> { ["code"] = "FORBIDDEN" }),
                },
            },
        };
        var query = new ObjectType("Query")
        {
            Fields =
            {
                new FieldDefinition("books", new ListType(book)) { Resolve = _ => Value(Books()) },
                new FieldDefinition("strictBooks", new ListType(new NonNullType(book))) { Resolve = _ => Value(Books()) },
                new FieldDefinition("echo", BuiltInScalars.String)
                {
                    Arguments = { new InputValueDefinition("text", BuiltInScalars.String) { DefaultValue = "default" } },
                    Resolve = ctx => Value(ctx.HasArgument("text") ? ctx.Argument<string>("text") ?? "<null>" : "<absent>"),
                },
                new FieldDefinition("ints", new ListType(BuiltInScalars.Int))
                {
                    Arguments = { new InputValueDefinition("values", new ListType(BuiltInScalars.Int)) },
                    Resolve = ctx => Value(ctx.Arguments.GetValueOrDefault("values")),
                },
                new FieldDefinition("slow", BuiltInScalars.Int) { Resolve = async ctx => { await Task.Delay(1, ctx.CancellationToken); return 1; } },
            },
        };
        var counter = 0;
        var mutation = new ObjectType("Mutation")
        {
            Fields =
            {
                new FieldDefinition("increment", BuiltInScalars.Int)
                {
                    Resolve = async _ => { var seen = counter; await Task.Yield(); counter = seen + 1; return counter; },
                },
            },
        };
        return new Schema(query, mutation);
    }

    private static List<Dictionary<string, object?>> Books() =>
    [
        new() { ["title"] = "Dune", ["pages"] = 412 },
        new() { ["title"] = "Emma", ["pages"] = null },
    ];

    [Fact]
    public async Task Resolves_fields_in_document_order_with_aliases_and_the_default_resolver() =>
        Assert.Equal("""{"data":{"books":[{"name":"Dune","pages":412},{"name":"Emma","pages":null}]}}""",
            await Run(Library, "{ books { name: title pages } }"));

    [Fact]
    public async Task A_resolver_exception_becomes_a_field_error_with_path_and_location() =>
        Assert.Equal("""{"errors":[{"message":"boom","locations":[{"line":1,"column":11}],"path":["books",0,"broken"]},{"message":"boom","locations":[{"line":1,"column":11}],"path":["books",1,"broken"]}],"data":{"books":[{"broken":null},{"broken":null}]}}""",
            await Run(Library, "{ books { broken } }"));

    [Fact]
    public async Task A_graphql_exception_keeps_its_extensions() =>
        Assert.Contains("""{"message":"Not allowed","locations":[{"line":1,"column":11}],"path":["books",0,"coded"],"extensions":{"code":"FORBIDDEN"}}""",
            await Run(Library, "{ books { coded } }"));

    [Fact]
    public async Task Null_in_a_non_null_field_propagates_to_the_nearest_nullable_parent_with_one_error_per_position() =>
        Assert.Equal("""{"errors":[{"message":"Cannot return null for non-nullable field Book.brokenNonNull.","locations":[{"line":1,"column":17}],"path":["strictBooks",0,"brokenNonNull"]}],"data":{"strictBooks":null,"books":[{"title":"Dune"},{"title":"Emma"}]}}""",
            await Run(Library, "{ strictBooks { brokenNonNull } books { title } }"));

    [Fact]
    public async Task Errors_under_a_position_already_nulled_are_dropped_as_graphql_js_17_does() =>
        Assert.Equal("""{"errors":[{"message":"boom","locations":[{"line":1,"column":17}],"path":["strictBooks",0,"broken"]},{"message":"Cannot return null for non-nullable field Book.brokenNonNull.","locations":[{"line":1,"column":24}],"path":["strictBooks",0,"brokenNonNull"]}],"data":{"strictBooks":null}}""",
            await Run(Library, "{ strictBooks { broken brokenNonNull } }"));

    [Fact]
    public async Task Skip_and_include_and_fragments_select_fields() =>
        Assert.Equal("""{"data":{"books":[{"title":"Dune"},{"title":"Emma"}]}}""",
            await Run(Library, "query($no: Boolean!) { books { ...F pages @include(if: $no) } } fragment F on Book { title pages @skip(if: true) }", """{"no":false}"""));

    [Fact]
    public async Task Absent_null_and_default_arguments_are_distinguished() =>
        Assert.Equal("""{"data":{"a":"default","b":"<null>","c":"hi","d":"default"}}""",
            await Run(Library, "query($v: String, $w: String) { a: echo b: echo(text: null) c: echo(text: $v) d: echo(text: $w) }", """{"v":"hi"}"""));

    [Fact]
    public async Task A_single_value_is_coerced_to_a_list() =>
        Assert.Equal("""{"data":{"a":[3],"b":[4]}}""", await Run(Library, "query($v: [Int]) { a: ints(values: 3) b: ints(values: $v) }", """{"v":4}"""));

    [Fact]
    public async Task Invalid_variables_are_a_request_error_without_data() =>
        Assert.Equal("""{"errors":[{"message":"Variable \"$v\" has invalid value: Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":7}]}]}""",
            await Run(Library, "query($v: Int) { ints(values: [$v]) }", """{"v":"x"}"""));

    [Fact]
    public async Task Missing_required_variables_are_reported_as_graphql_js_17_does() =>
        Assert.Equal("""{"errors":[{"message":"Variable \"$v\" has invalid value: Expected a value of non-null type \"Int!\" to be provided.","locations":[{"line":1,"column":7}]}]}""",
            await Run(Library, "query($v: Int!) { ints(values: [$v]) }"));

    [Theory]
    [InlineData("query A { books { title } } query B { books { title } }", null, "Must provide operation name if query contains multiple operations.")]
    [InlineData("query A { books { title } }", "C", "Unknown operation named \"C\".")]
    [InlineData("fragment F on Book { title }", null, "Must provide an operation.")]
    public async Task Operation_selection_errors_are_request_errors(string query, string? name, string message) =>
        Assert.Equal($$"""{"errors":[{"message":"{{message.Replace("\"", "\\\"")}}"}]}""", await Run(Library, query, operationName: name));

    [Fact]
    public async Task Mutation_fields_run_one_after_another() =>
        Assert.Equal("""{"data":{"a":1,"b":2,"c":3}}""", await Run(Library, "mutation { a: increment b: increment c: increment }"));

    [Fact]
    public async Task A_missing_root_type_gives_null_data_and_an_error()
    {
        var schema = new Schema(new ObjectType("Query") { Fields = { new FieldDefinition("a", BuiltInScalars.Int) } });
        Assert.Equal("""{"errors":[{"message":"Schema is not configured to execute mutation operation.","locations":[{"line":1,"column":1}]}],"data":null}""",
            await Run(schema, "mutation { a }"));
    }

    [Fact]
    public async Task Typename_and_abstract_types_resolve_through_typename_entries()
    {
        var schema = SchemaBuilder.FromSdl("""
            interface Named { name: String }
            type Person implements Named { name: String age: Int }
            type Robot implements Named { name: String model: String }
            union Thing = Person | Robot
            type Query { all: [Named] things: [Thing] }
            """);
        var root = new Dictionary<string, object?>
        {
            ["all"] = new List<object?> { new Dictionary<string, object?> { ["__typename"] = "Person", ["name"] = "Ada", ["age"] = 36 } },
            ["things"] = new List<object?> { new Dictionary<string, object?> { ["__typename"] = "Robot", ["name"] = "R2", ["model"] = "astromech" } },
        };
        Assert.Equal("""{"data":{"all":[{"__typename":"Person","name":"Ada","age":36}],"things":[{"model":"astromech"}]}}""",
            await Run(schema, "{ all { __typename name ... on Person { age } } things { ... on Robot { model } } }", root: root));
    }

    [Fact]
    public async Task An_unresolvable_abstract_type_is_a_field_error()
    {
        var schema = SchemaBuilder.FromSdl("interface Named { name: String } type P implements Named { name: String } type Query { one: Named }");
        var root = new Dictionary<string, object?> { ["one"] = new Dictionary<string, object?> { ["name"] = "x" } };
        Assert.Contains("Abstract type \\\"Named\\\" must resolve to an Object type at runtime for field \\\"Query.one\\\".",
            await Run(schema, "{ one { name } }", root: root));
    }

    [Fact]
    public async Task Leaf_serialisation_errors_are_field_errors() =>
        Assert.Equal("""{"errors":[{"message":"Int cannot represent non-integer value: \"many\"","locations":[{"line":1,"column":3}],"path":["n"]}],"data":{"n":null}}""",
            await Run(SchemaBuilder.FromSdl("type Query { n: Int }"), "{ n }", root: new Dictionary<string, object?> { ["n"] = "many" }));

    [Fact]
    public async Task Cancellation_stops_the_execution()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Executor.ExecuteAsync(new ExecutionRequest(Library, Parser.Parse("{ slow }"), CancellationToken: cts.Token)));
    }

    [Fact]
    public async Task A_long_chain_of_fragments_executes_without_exhausting_the_stack()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: Int }");
        var fragments = string.Concat(Enumerable.Range(0, 50_000).Select(i => $"fragment F{i} on Query {{ a ...F{i + 1} }}\n"));
        var document = Parser.Parse("{ ...F0 }\n" + fragments + "fragment F50000 on Query { a }");
        var result = await Task.Run(() => Executor.ExecuteAsync(new ExecutionRequest(schema, document, RootValue: new Dictionary<string, object?> { ["a"] = 1 })));
        Assert.Equal("""{"data":{"a":1}}""", result.ToJson());
    }

    [Fact]
    public void The_operation_kind_is_known_without_executing()
    {
        var document = Parser.Parse("query Q { a } mutation M { b }");
        Assert.Equal(OperationType.Mutation, OperationKinds.GetOperationKind(document, "M"));
        Assert.Null(OperationKinds.GetOperationKind(document, null));
        Assert.Equal(OperationType.Query, Executor.GetOperationKind(Parser.Parse("{ a }"), null));
    }

    [Fact]
    public void Json_input_becomes_plain_clr_values()
    {
        var value = JsonInput.ToClr(JsonDocument.Parse("""{"a":1,"b":1.5,"c":[true,null,"s"],"d":{}}""").RootElement);
        var map = Assert.IsType<Dictionary<string, object?>>(value);
        Assert.Equal(1L, map["a"]);
        Assert.Equal(1.5, map["b"]);
        Assert.Equal(new List<object?> { true, null, "s" }, map["c"]);
        Assert.Empty(Assert.IsType<Dictionary<string, object?>>(map["d"]));
    }
}
