using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// The production endpoint's limits as a client tool meets them: the standard introspection query (graphql-js
/// getIntrospectionQuery, what GraphiQL and codegen send first) passes, abuse does not, and every refused request
/// says why with an extensions.code and the status the GraphQL-over-HTTP draft asks for.
/// </summary>
public class RequestLimitsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    static string Introspection(int typeDepth = 9) => Engine.Introspection.IntrospectionQuery.Full(typeDepth);

    async Task<(int Status, JsonObject Body)> Post(string body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await api.App.CreateClient().SendAsync(request);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    static string Query(string query) => new JsonObject { ["query"] = query }.ToJsonString();

    static string Codes(JsonObject body) => string.Join(",", body["errors"]!.AsArray().Select(e => e!["extensions"]!["code"]!.GetValue<string>()));

    [Fact]
    public async Task The_standard_introspection_query_passes_the_production_limits_for_anyone()
    {
        foreach (var key in new[] { null, api.OperatorKey })
        {
            var (status, body) = await Post(Query(Introspection()), key);
            Assert.Equal(200, status);
            Assert.Null(body["errors"]);
            var types = body["data"]!["__schema"]!["types"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
            Assert.Contains("PublicCase", types);
        }
    }

    [Fact]
    public async Task An_abusively_deep_introspection_is_refused_with_INTROSPECTION_TOO_DEEP()
    {
        var (status, body) = await Post(Query(Introspection(typeDepth: 40)));
        Assert.Equal(400, status);
        Assert.Contains("INTROSPECTION_TOO_DEEP", Codes(body));
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Two_introspection_fields_in_one_request_are_refused_with_INTROSPECTION_LIMIT_EXCEEDED()
    {
        var (status, body) = await Post(Query("{ a: __schema { queryType { name } } b: __type(name: \"Case\") { name } }"));
        Assert.Equal(400, status);
        Assert.Equal("INTROSPECTION_LIMIT_EXCEEDED", Codes(body));
    }

    [Theory]
    [InlineData("""{"query": "{ agencies { id } }" """, 400, "BAD_REQUEST")]               // malformed JSON
    [InlineData("""{"variables": {}}""", 400, "MISSING_QUERY")]
    [InlineData("""[{"query": "{ agencies { id } }"}, {"query": "{ agencies { id } }"}]""", 400, "BATCH_NOT_SUPPORTED")]
    [InlineData("""{"query": "{ agencies { id } }", "variables": "{}"}""", 400, "BAD_REQUEST")]   // variables not a map
    [InlineData("""{"query": "query($m: YearMonth!) { statistics(from: $m, to: $m) { from } }", "variables": {"m": 3}}""", 400, "BAD_USER_INPUT")]
    public async Task Every_request_error_has_a_code_and_the_status_of_the_draft(string body, int status, string code)
    {
        var answer = await Post(body);
        Assert.Equal((status, code), (answer.Status, Codes(answer.Body)));
        Assert.Null(answer.Body["data"]);
    }

    [Fact]
    public async Task A_body_over_256_KiB_is_413_with_REQUEST_TOO_LARGE()
    {
        var (status, body) = await Post(Query("{ agencies { id } } # " + new string('x', 300 * 1024)));
        Assert.Equal((413, "REQUEST_TOO_LARGE"), (status, Codes(body)));
    }
}
