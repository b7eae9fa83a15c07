using System.Net.Http.Headers;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// The explorer at /graphql for browsers, and what introspection shows: the public schema without a key, all of
/// it with one. API clients at the same address keep getting GraphQL.
/// </summary>
public class ExplorerTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    const string RootFields = "{ __schema { queryType { fields { name } } mutationType { fields { name } } } }";

    static List<string> Names(System.Text.Json.Nodes.JsonNode? type) =>
        type?["fields"]?.AsArray().Select(f => f!["name"]!.GetValue<string>()).ToList() ?? [];

    [Fact]
    public async Task A_browser_opening_graphql_gets_the_GraphiQL_page_from_this_server()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await api.App.CreateClient().SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script type=\"module\" src=\"/build/explorer/explorer.js\">", html);
        Assert.DoesNotContain("https://", html);   // no CDN
        using var bundle = await api.App.CreateClient().GetAsync("/build/explorer/explorer.js");
        Assert.Equal(200, (int)bundle.StatusCode);
    }

    [Fact]
    public async Task API_clients_at_the_same_address_still_get_GraphQL()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ agencies { id } }"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json", 0.5));
        using var response = await api.App.CreateClient().SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Without_a_key_introspection_shows_the_public_schema_and_a_key_shows_the_rest()
    {
        var anonymous = (await api.Client().Send(RootFields)).Ok()["__schema"]!;
        var queries = Names(anonymous["queryType"]);
        Assert.Contains("cases", queries);
        Assert.DoesNotContain("myQueue", queries);
        Assert.DoesNotContain("audit", queries);
        Assert.Equal(["submitCase", "provideInformation", "rateCase", "reopenCase", "withdrawCase"], Names(anonymous["mutationType"]));

        var staff = (await api.Client(api.OperatorKey).Send(RootFields)).Ok()["__schema"]!;
        Assert.Contains("myQueue", Names(staff["queryType"]));
        Assert.Contains("audit", Names(staff["queryType"]));
        Assert.Contains("assignCase", Names(staff["mutationType"]));
    }

    [Fact]
    public async Task Hiding_a_field_from_the_public_schema_does_not_change_what_it_answers()
    {
        // Execution runs on the whole schema: the staff's queue still says FORBIDDEN, not "no such field".
        Assert.Equal("FORBIDDEN", (await api.Client().Send("{ myQueue { trackingCode } }")).Code);
    }
}
