using System.Net;
using System.Text.Json;

namespace Cases.GraphQL.Tests.Host;

public class HealthTests(HostDatabase db) : IClassFixture<HostDatabase>
{
    [Fact]
    public async Task Live_and_ready_report_the_database_when_it_answers()
    {
        await using var app = await CasesAppFactory.StartAsync(db.ConnectionString);
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
    public async Task Ready_says_unavailable_with_503_when_the_database_goes_away()
    {
        // Wolverine's durable messaging needs the database to start (it registers the node there), so the outage
        // comes after start-up: the database stops taking connections and the open ones are cut.
        await using var app = await CasesAppFactory.StartAsync(db.ConnectionString);
        await using var admin = Cases.Database.CasesDatabase.Create(Cases.Database.CasesDatabase.DefaultConnectionString("postgres"));
        async Task Admin(string sql)
        {
            await using var cmd = admin.CreateCommand(sql);
            await cmd.ExecuteNonQueryAsync();
        }
        await Admin($"alter database {db.Name} with allow_connections false");
        try
        {
            await Admin($"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{db.Name}'");
            Npgsql.NpgsqlConnection.ClearAllPools();
            var ready = await app.CreateClient().GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.Equal("down", body.RootElement.GetProperty("database").GetProperty("status").GetString());
        }
        finally
        {
            await Admin($"alter database {db.Name} with allow_connections true");
        }
    }
}
