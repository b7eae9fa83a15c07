using System.Text.Json;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Engine.Tests.Execution;

/// <summary>The executor says which step refused a request, so a transport can code it, and leaves the errors as graphql-js's.</summary>
public class RequestErrorKindTests
{
    private static readonly Schema Schema = new(new ObjectType("Query")
    {
        Fields =
        {
            new FieldDefinition("echo", BuiltInScalars.Int)
            {
                Arguments = { new InputValueDefinition("value", BuiltInScalars.Int) },
                Resolve = ctx => new ValueTask<object?>(ctx.Argument<int?>("value")),
            },
            new FieldDefinition("fail", BuiltInScalars.Int) { Resolve = _ => throw new Errors.GraphQLException("No.") },
        },
    });

    private static Task<ExecutionResult> Run(string query, string? variablesJson = null, string? operationName = null) =>
        Executor.ExecuteAsync(new ExecutionRequest(Schema, Parser.Parse(query), operationName,
            variablesJson is null ? null : JsonInput.ToDictionary(JsonDocument.Parse(variablesJson).RootElement)));

    [Theory]
    [InlineData("""{"v":"ten"}""", """{"errors":[{"message":"Variable \"$v\" has invalid value: Int cannot represent non-integer value: \"ten\"","locations":[{"line":1,"column":9}]}]}""")]
    [InlineData("{}", """{"errors":[{"message":"Variable \"$v\" has invalid value: Expected a value of non-null type \"Int!\" to be provided.","locations":[{"line":1,"column":9}]}]}""")]
    public async Task Variables_that_cannot_be_coerced_are_invalid_variables_with_no_data_and_no_code(string variables, string json)
    {
        var type = variables == "{}" ? "Int!" : "Int";
        var result = await Run($"query Q($v: {type}) {{ echo(value: $v) }}", variables);
        Assert.Equal(RequestErrorKind.InvalidVariables, result.RequestErrorKind);
        Assert.Equal(json, result.ToJson());
    }

    [Theory]
    [InlineData("query A { echo } query B { echo }", null, "Must provide operation name if query contains multiple operations.")]
    [InlineData("query A { echo }", "B", "Unknown operation named \"B\".")]
    public async Task An_operation_that_cannot_be_chosen_is_operation_not_found(string query, string? operationName, string message)
    {
        var result = await Run(query, operationName: operationName);
        Assert.Equal(RequestErrorKind.OperationNotFound, result.RequestErrorKind);
        Assert.Equal(message, Assert.Single(result.Errors!).Message);
        Assert.False(result.DataPresent);
    }

    [Fact]
    public async Task An_executed_request_is_no_request_error_even_with_field_errors()
    {
        var result = await Run("query Q($v: Int) { echo(value: $v) fail }", """{"v":5}""");
        Assert.Null(result.RequestErrorKind);
        Assert.Equal("""{"errors":[{"message":"No.","locations":[{"line":1,"column":36}],"path":["fail"]}],"data":{"echo":5,"fail":null}}""", result.ToJson());
    }
}
