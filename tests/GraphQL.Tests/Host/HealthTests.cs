using System.Net;
using System.Text.Json;

namespace Cases.GraphQL.Tests.Host;

public class HealthTests(HostDatabase db) : IClassFixture<HostDatabase>
{
    [Fact]
    public async Task Live_and_ready_report_the_database_when_it_answers()
    {
        await using var app = new CasesAppFactory(db.ConnectionString);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("up", body.RootElement.GetProperty("database").GetProperty("status").GetString());
        Assert.StartsWith("15", body.RootElement.GetProperty("database").GetProperty("version").GetString());
        Assert.True(ready.Headers.Contains("X-Correlation-Id"));
    }

    [Fact]
    public async Task Ready_says_unavailable_with_503_when_the_database_is_down()
    {
        await using var app = new CasesAppFactory("Host=127.0.0.1;Port=1;Username=postgres;Database=cases")
            .WithWebHostBuilder(b => b.ConfigureServices(s =>
                s.Remove(s.Single(d => d.ImplementationType?.Name == "StartupMigrations"))));
        var ready = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("down", body.RootElement.GetProperty("database").GetProperty("status").GetString());
    }
}
