using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cases.Access;
using Cases.Domain;
using Cases.GraphQL.Tests.Host;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// The real app on a private database with the agencies and keys the API tests use: an operator, two agencies,
/// an auditor and an admin. Submissions are not rate-limited here except where a test asks.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    readonly HostDatabase db = new();
    public CasesAppFactory App { get; private set; } = null!;
    public HostDatabase Database => db;

    /// <summary>The app's clock: real time at the start, moved by tests that need a deadline to pass.</summary>
    public NodaTime.Testing.FakeClock Clock { get; } = new(SystemClock.Instance.GetCurrentInstant());

    /// <summary>Waits until every projection has caught up with the event store (with a deadline).</summary>
    public async Task Projected()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var lag = (await Client().Send("{ freshness { lagEvents } }")).Ok()["freshness"]!["lagEvents"]!.GetValue<int>();
            if (lag == 0) return;
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("Projections did not catch up within 60 s.");
    }
    public string OperatorKey { get; private set; } = "";
    public string AgencyAKey { get; private set; } = "";
    public string AgencyBKey { get; private set; } = "";
    public string AuditorKey { get; private set; } = "";
    public string AdminKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        foreach (var (id, name) in new[] { ("so-xay-dung", "Sở Xây dựng"), ("hepco", "Công ty Môi trường và Công trình đô thị Huế"), ("ubnd-phu-hoi", "UBND phường Phú Hội") })
            await db.ExecAsync("insert into cases.agencies (id, name, kind) values ($1, $2, 'department')", id, name);
        var keys = new ApiKeys(db.DataSource, SystemClock.Instance);
        OperatorKey = (await keys.CreateAsync(Role.Operator, null, "ioc")).Key;
        AgencyAKey = (await keys.CreateAsync(Role.Agency, "hepco", "hepco")).Key;
        AgencyBKey = (await keys.CreateAsync(Role.Agency, "so-xay-dung", "sxd")).Key;
        AuditorKey = (await keys.CreateAsync(Role.Auditor, null, "audit")).Key;
        AdminKey = (await keys.CreateAsync(Role.Admin, null, "admin")).Key;
        App = await CasesAppFactory.StartAsync(db.ConnectionString, b =>
        {
            b.UseSetting("Submissions:PerMinute", "100000");
            b.ConfigureServices(s => s.AddSingleton<IClock>(Clock));
        });
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await db.DisposeAsync();
    }

    public GraphQLClient Client(string? key = null) => new(App.CreateClient(), key);
}

/// <summary>Posts GraphQL documents the way any client would, and reads the response as JSON.</summary>
public sealed class GraphQLClient(HttpClient http, string? key)
{
    public async Task<GraphQLResponse> Send(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, text, JsonNode.Parse(text)!.AsObject());
    }
}

public sealed record GraphQLResponse(int Status, string Text, JsonObject Body)
{
    public JsonNode? Data => Body["data"];
    public JsonArray Errors => Body["errors"] as JsonArray ?? [];
    public string? Code => Errors.Count > 0 ? Errors[0]?["extensions"]?["code"]?.GetValue<string>() : null;

    /// <summary>The data, failing the test with the errors when there are any.</summary>
    public JsonNode Ok() => Errors.Count == 0 && Data is not null ? Data : throw new Xunit.Sdk.XunitException($"GraphQL errors ({Status}): {Text}");

    public override string ToString() => Text;
}
