using System.Text.Json;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Validation;

namespace Cases.GraphQL.Engine.Tests.Introspection;

public class IntrospectionTests
{
    private static readonly Schema Schema = SchemaBuilder.FromSdl("""
        "A library"
        type Query {
          book(id: ID!): Book
          old: String @deprecated(reason: "Use book")
        }
        type Book {
          title: String
          search(first: Int = 10, order: Order = ASC, filter: Filter = { genres: [FICTION], min: 1 } , legacy: Int @deprecated): [String]
        }
        enum Order { ASC DESC @deprecated }
        enum Genre { FICTION HISTORY }
        input Filter { genres: [Genre!] min: Int = 0 old: String @deprecated }
        input Pick @oneOf { id: ID name: String }
        scalar Date @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")
        directive @cached(ttl: Int = 60) repeatable on FIELD_DEFINITION
        type Unused { pick(p: Pick): Date }
        """);

    private static async Task<JsonElement> Query(string query)
    {
        var result = await Executor.ExecuteAsync(new ExecutionRequest(Schema, Parser.Parse(query)));
        Assert.Null(result.Errors);
        return JsonDocument.Parse(result.ToJson()).RootElement.GetProperty("data");
    }

    [Fact]
    public void The_introspection_types_print_exactly_as_graphql_js_17_prints_them()
    {
        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "introspection-schema.graphql")).TrimEnd('\n');
        Assert.Equal(expected, SchemaPrinter.PrintIntrospectionSchema(Schema));
    }

    [Fact]
    public async Task Default_values_are_printed_as_literals()
    {
        var data = await Query("""{ __type(name: "Book") { fields { name args { name defaultValue } } } }""");
        var args = data.GetProperty("__type").GetProperty("fields")[1].GetProperty("args");
        Assert.Equal("10", args[0].GetProperty("defaultValue").GetString());
        Assert.Equal("ASC", args[1].GetProperty("defaultValue").GetString());
        Assert.Equal("{ genres: [FICTION], min: 1 }", args[2].GetProperty("defaultValue").GetString());
    }

    [Fact]
    public async Task Deprecated_elements_are_hidden_unless_asked_for()
    {
        var data = await Query("""
            {
              q: __type(name: "Query") { fields { name } all: fields(includeDeprecated: true) { name isDeprecated deprecationReason } }
              o: __type(name: "Order") { enumValues { name } all: enumValues(includeDeprecated: true) { name } }
              f: __type(name: "Filter") { inputFields { name } all: inputFields(includeDeprecated: true) { name } }
              b: __type(name: "Book") { fields { args { name } } }
            }
            """);
        Assert.Equal(1, data.GetProperty("q").GetProperty("fields").GetArrayLength());
        Assert.Equal("Use book", data.GetProperty("q").GetProperty("all")[1].GetProperty("deprecationReason").GetString());
        Assert.Equal(1, data.GetProperty("o").GetProperty("enumValues").GetArrayLength());
        Assert.Equal(2, data.GetProperty("o").GetProperty("all").GetArrayLength());
        Assert.Equal(2, data.GetProperty("f").GetProperty("inputFields").GetArrayLength());
        Assert.Equal(3, data.GetProperty("f").GetProperty("all").GetArrayLength());
        Assert.Equal(3, data.GetProperty("b").GetProperty("fields")[1].GetProperty("args").GetArrayLength());
    }

    [Fact]
    public async Task OneOf_specifiedBy_repeatable_and_kinds_are_exposed()
    {
        var data = await Query("""
            {
              pick: __type(name: "Pick") { kind isOneOf }
              date: __type(name: "Date") { kind specifiedByURL }
              list: __type(name: "Book") { fields { name type { kind ofType { name } } } }
              __schema { description directives { name isRepeatable } queryType { name } mutationType { name } }
            }
            """);
        Assert.Equal("INPUT_OBJECT", data.GetProperty("pick").GetProperty("kind").GetString());
        Assert.True(data.GetProperty("pick").GetProperty("isOneOf").GetBoolean());
        Assert.Equal("https://tools.ietf.org/html/rfc3339", data.GetProperty("date").GetProperty("specifiedByURL").GetString());
        Assert.Equal("LIST", data.GetProperty("list").GetProperty("fields")[1].GetProperty("type").GetProperty("kind").GetString());
        var directives = data.GetProperty("__schema").GetProperty("directives").EnumerateArray().ToDictionary(d => d.GetProperty("name").GetString()!, d => d.GetProperty("isRepeatable").GetBoolean());
        Assert.True(directives["cached"]);
        Assert.Contains("oneOf", directives.Keys);
        Assert.Equal(JsonValueKind.Null, data.GetProperty("__schema").GetProperty("mutationType").ValueKind);
    }

    [Fact]
    public void Introspection_can_be_turned_off_in_validation()
    {
        var errors = DocumentValidator.Validate(Schema, Parser.Parse("{ __typename __schema { queryType { name } } }"), new ValidationLimits { AllowIntrospection = false });
        // As graphql-js NoSchemaIntrospectionCustomRule: every field returning an introspection type is reported.
        Assert.Equal(
            ["GraphQL introspection has been disabled, but the requested query contained the field \"__schema\".",
             "GraphQL introspection has been disabled, but the requested query contained the field \"queryType\"."],
            errors.Select(e => e.Message));
    }
}
