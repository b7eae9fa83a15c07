using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// The site's trusted documents: the build persists its operations (wwwroot/operations.js), the site sends their
/// ids by GET, and the answers may be kept by a CDN. An id the server does not know is refused with its code.
/// </summary>
public partial class PersistedDocumentTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [GeneratedRegex("\"(\\w+)\": \"(sha256:[0-9a-f]{64})\"")]
    private static partial Regex IdLine();

    /// <summary>The ids as the site gets them: the generated module the host serves beside the site.</summary>
    async Task<Dictionary<string, string>> SiteIds()
    {
        var module = await api.App.CreateClient().GetStringAsync("/build/operation-ids.js");
        return IdLine().Matches(module).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    async Task<(int Status, string? CacheControl, JsonObject Body)> Get(string id, string operationName, object variables, string? key = null)
    {
        var url = $"/graphql?documentId={Uri.EscapeDataString(id)}&operationName={operationName}&variables={Uri.EscapeDataString(JsonSerializer.Serialize(variables))}";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await api.App.CreateClient().SendAsync(request);
        return ((int)response.StatusCode, response.Headers.CacheControl?.ToString(), JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    string ThisMonth() => api.Clock.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date.ToYearMonth().ToString("yyyy-MM", null);

    [Fact]
    public async Task Every_operation_of_the_site_is_persisted()
    {
        Assert.Equal(["Agencies", "Agency", "Case", "Cases", "Map", "More", "Overview", "ReportForm", "WardAt", "Wards"], (await SiteIds()).Keys.Order());
    }

    [Fact]
    public async Task A_known_id_answers_by_GET_and_may_be_cached_publicly()
    {
        var ids = await SiteIds();
        var (status, cacheControl, body) = await Get(ids["Agencies"], "Agencies", new { from = ThisMonth(), to = ThisMonth(), withAgencies = true });
        Assert.Equal(200, status);
        Assert.Null(body["errors"]);
        Assert.Contains(body["data"]!["agencies"]!.AsArray(), a => a!["id"]!.GetValue<string>() == "hepco");
        Assert.NotNull(body["data"]!["statistics"]!["lateRate"]!["rows"]);
        Assert.Equal("public, max-age=30", cacheControl);

        var (_, cases, casesBody) = await Get(ids["Cases"], "Cases", new { where = new { }, first = 20, withAgencies = false });
        Assert.Null(casesBody["errors"]);
        Assert.Null(casesBody["data"]!["agencies"]);   // @include(if: false): the site already has them
        Assert.Equal("public, max-age=30", cases);
    }

    [Fact]
    public async Task The_same_id_sent_with_a_key_is_answered_but_never_stored()
    {
        var (status, cacheControl, _) = await Get((await SiteIds())["Overview"], "Overview", new { from = ThisMonth(), to = ThisMonth() }, api.OperatorKey);
        Assert.Equal((200, "no-store"), (status, cacheControl));
    }

    [Fact]
    public async Task An_unknown_id_is_refused_with_PERSISTED_QUERY_NOT_FOUND()
    {
        var (status, cacheControl, body) = await Get("sha256:" + new string('0', 64), "Cases", new { });
        Assert.Equal(400, status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]);
        Assert.Equal("no-store", cacheControl);
    }

    [Fact]
    public async Task Arbitrary_documents_stay_allowed_for_API_users()
    {
        var response = await api.Client().Send("{ agencies { id } }");
        Assert.Contains(response.Ok()["agencies"]!.AsArray(), a => a!["id"]!.GetValue<string>() == "hepco");
    }
}
