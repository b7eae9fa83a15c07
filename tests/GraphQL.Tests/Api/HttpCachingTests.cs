using Cases.GraphQL.Tests.Host;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// Queries over GET, and what a shared cache (a CDN, a proxy) is told: an anonymous public read that succeeded may
/// be kept briefly; anything an API key reads, any error and any mutation must never be stored.
/// </summary>
public class HttpCachingTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    const string Statistics = """query($m: YearMonth!) { statistics(from: $m, to: $m) { lateRate(by: AGENCY) { total { resolved } } } }""";

    sealed record Answer(int Status, string? CacheControl, string? Vary, string? Allow, JsonObject Body)
    {
        public JsonNode? Data => Body["data"];
        public string? Code => (Body["errors"] as JsonArray)?[0]?["extensions"]?["code"]?.GetValue<string>();
    }

    static async Task<Answer> Read(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return new Answer((int)response.StatusCode, response.Headers.CacheControl?.ToString(), string.Join(", ", response.Headers.Vary),
                response.Content.Headers.Allow.Count > 0 ? string.Join(", ", response.Content.Headers.Allow) : null, JsonNode.Parse(text)!.AsObject());
        }
    }

    static async Task<Answer> Get(HttpClient http, string query, object? variables = null, string? key = null)
    {
        var url = "/graphql?query=" + Uri.EscapeDataString(query)
            + (variables is null ? "" : "&variables=" + Uri.EscapeDataString(System.Text.Json.JsonSerializer.Serialize(variables)));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await Read(await http.SendAsync(request));
    }

    static async Task<Answer> Post(HttpClient http, string query, object? variables = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await Read(await http.SendAsync(request));
    }

    string ThisMonth() => api.Clock.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date.ToYearMonth().ToString("yyyy-MM", null);

    [Fact]
    public async Task An_anonymous_query_over_GET_is_answered_and_may_be_cached_publicly_for_the_configured_time()
    {
        var answer = await Get(api.App.CreateClient(), Statistics, new { m = ThisMonth() });
        Assert.Equal(200, answer.Status);
        Assert.NotNull(answer.Data?["statistics"]?["lateRate"]?["total"]?["resolved"]);
        Assert.Equal("public, max-age=30", answer.CacheControl);
        // The same URL with a key, or asking for another media type, is another answer.
        Assert.Equal("Accept, Authorization", answer.Vary);
    }

    [Fact]
    public async Task The_public_cache_time_comes_from_configuration()
    {
        await using var app = await CasesAppFactory.StartAsync(api.Database.ConnectionString, b => b.UseSetting("GraphQL:PublicCacheSeconds", "7"));
        Assert.Equal("public, max-age=7", (await Get(app.CreateClient(), Statistics, new { m = ThisMonth() })).CacheControl);
    }

    [Fact]
    public async Task Whatever_a_key_reads_is_never_stored_even_a_public_query_over_GET()
    {
        var http = api.App.CreateClient();
        var queue = await Get(http, "{ myQueue { trackingCode } }", key: api.AgencyAKey);
        Assert.Equal(200, queue.Status);
        Assert.NotNull(queue.Data?["myQueue"]);
        Assert.Equal("no-store", queue.CacheControl);

        var audit = await Get(http, "{ audit { verifyChain { valid } } }", key: api.AuditorKey);
        Assert.True(audit.Data!["audit"]!["verifyChain"]!["valid"]!.GetValue<bool>());
        Assert.Equal("no-store", audit.CacheControl);

        var publicData = await Get(http, Statistics, new { m = ThisMonth() }, key: api.OperatorKey);
        Assert.Equal(200, publicData.Status);
        Assert.Equal("no-store", publicData.CacheControl);
    }

    [Theory]
    [InlineData("{ myQueue { trackingCode } }", null, 200, "FORBIDDEN")]                                  // a field error, data present
    [InlineData("{ cases { nodes { reporterName } } }", null, 400, "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("{ cases { nodes ", null, 400, "GRAPHQL_PARSE_FAILED")]
    [InlineData("query($m: YearMonth!) { statistics(from: $m, to: $m) { from } }", """{"m":"March"}""", 400, "BAD_USER_INPUT")]
    [InlineData("{ cases(first: 1000) { totalCount } }", null, 200, "VALIDATION_FAILED")]
    public async Task An_anonymous_GET_that_fails_in_any_way_is_never_stored(string query, string? variables, int status, string code)
    {
        var answer = await Get(api.App.CreateClient(), query, variables is null ? null : System.Text.Json.JsonDocument.Parse(variables).RootElement);
        Assert.Equal((status, code), (answer.Status, answer.Code));
        Assert.Equal("no-store", answer.CacheControl);
    }

    [Fact]
    public async Task A_mutation_over_GET_is_refused_with_405_and_changes_nothing()
    {
        var before = await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams");
        var answer = await Get(api.App.CreateClient(), """
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "sanitation_environment", description: "Đèn đường hỏng", ward: "Phú Xuân", location: { latitude: 16.481, longitude: 107.563 } }) { trackingCode } }
            """);
        Assert.Equal(405, answer.Status);
        Assert.Equal("POST", answer.Allow);
        Assert.Equal("no-store", answer.CacheControl);
        Assert.Null(answer.Data);
        Assert.NotEmpty(answer.Body["errors"]!.AsArray());
        Assert.Equal(before, await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams"));
    }

    [Fact]
    public async Task Mutations_and_every_other_POST_are_never_stored()
    {
        var http = api.App.CreateClient();
        var submitted = await Post(http, """
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "sanitation_environment", description: "Đèn đường hỏng", ward: "Phú Xuân", location: { latitude: 16.481, longitude: 107.563 } }) { trackingCode } }
            """);
        Assert.NotNull(submitted.Data?["submitCase"]?["trackingCode"]);
        Assert.Equal("no-store", submitted.CacheControl);
        // POST is not how a cache keys answers; the same public read sent by POST is not offered for caching either.
        var read = await Post(http, Statistics, new { m = ThisMonth() });
        Assert.Equal(200, read.Status);
        Assert.Equal("no-store", read.CacheControl);
    }
}
