using System.Text.Json.Nodes;
using Cases.EventStore;
using Cases.GraphQL.Tests.Host;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// Issue 21: what a user just did is in the read models when the mutation that did it answers (when asked), and the
/// daemon learns of new events when they commit, falling back to polling when its signal is lost.
/// </summary>
public class ReadYourWritesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    readonly Lifecycle life = new(api);

    [Fact]
    public async Task A_console_action_that_asks_for_the_read_models_is_in_the_inbox_in_the_first_response()
    {
        var (code, _) = await life.Submit();
        var verified = (await api.Client(api.OperatorKey).Send("""
            mutation($c: String!) { verifyCase(input: { trackingCode: $c }) { case { status } readModels(waitMs: 5000) { caughtUp behind waitedMs } } }
            """, new { c = code })).Ok()["verifyCase"]!;
        Assert.True(verified["readModels"]!["caughtUp"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Empty(verified["readModels"]!["behind"]!.AsArray());

        // The very next read, with no waiting or retrying: the case has moved on to "to assign".
        var toAssign = (await api.Client(api.OperatorKey).Send("{ inbox(stage: TO_ASSIGN, first: 200) { trackingCode } }")).Ok()["inbox"]!.AsArray();
        Assert.Contains(code, toAssign.Select(r => r!["trackingCode"]!.GetValue<string>()));
        var toVerify = (await api.Client(api.OperatorKey).Send("{ inbox(stage: TO_VERIFY, first: 200) { trackingCode } }")).Ok()["inbox"]!.AsArray();
        Assert.DoesNotContain(code, toVerify.Select(r => r!["trackingCode"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_submission_that_asks_for_the_read_models_is_public_when_it_answers()
    {
        var submitted = (await api.Client().Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "urban_infrastructure", description: "Đèn đường tắt cả tuần", ward: "Thuận Hóa",
              location: { latitude: 16.466, longitude: 107.596 } }) { trackingCode readModels { caughtUp } } }
            """)).Ok()["submitCase"]!;
        Assert.True(submitted["readModels"]!["caughtUp"]!.GetValue<bool>());
        var code = submitted["trackingCode"]!.GetValue<string>();
        var read = (await api.Client().Send("query($c: String!) { case(trackingCode: $c) { trackingCode status } }", new { c = code })).Ok();
        Assert.Equal(code, read["case"]!["trackingCode"]!.GetValue<string>());
    }
}

/// <summary>A node whose projections never run (another process holds every shard's lock, as a hung owner would).</summary>
public sealed class ReadYourWritesStoppedTests : IAsyncLifetime
{
    readonly HostDatabase db = new();
    CasesAppFactory? host;
    NpgsqlConnection? holder;

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        // Every shard's HotCold lock is taken before the node starts, so its daemon never runs them.
        holder = await db.DataSource.OpenConnectionAsync();
        var lockId = new StoreOptions().Projections.DaemonLockId; // the app keeps Marten's default
        foreach (var model in Cases.Projections.ProjectionCatalog.All(Sla.SlaRules.LoadEmbedded().Calendar))
            await using (var take = new NpgsqlCommand("select pg_advisory_lock($1)", holder)
                         { Parameters = { new() { Value = (long)ProjectionLockIds.Compute(CasesStore.Schema, ShardName.Compose(model.Name), lockId) } } })
                await take.ExecuteNonQueryAsync();
        host = await CasesAppFactory.StartAsync(db.ConnectionString, b => b.UseSetting("Submissions:PerMinute", "1000"));
    }

    public async Task DisposeAsync()
    {
        if (holder is not null) await holder.DisposeAsync();
        if (host is not null) await host.DisposeAsync();
        await db.DisposeAsync();
    }

    [Fact]
    public async Task A_wait_for_a_stopped_projection_answers_at_its_timeout_with_the_freshness_reached()
    {
        var client = new GraphQLClient(host!.CreateClient(), null);
        var started = DateTime.UtcNow;
        var answer = (await client.Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "urban_infrastructure", description: "Cống vỡ", ward: "Thuận Hóa",
              location: { latitude: 16.466, longitude: 107.596 } }) { trackingCode readModels(waitMs: 300) { caughtUp behind eventSequence readModelPosition } } }
            """)).Ok()["submitCase"]!;
        var freshness = answer["readModels"]!;
        Assert.False(freshness["caughtUp"]!.GetValue<bool>(), freshness.ToJsonString());
        Assert.NotEmpty(freshness["behind"]!.AsArray());
        Assert.True(freshness["readModelPosition"]!.GetValue<double>() < freshness["eventSequence"]!.GetValue<double>());
        // It answered, and the submission stands: the write side has the case.
        Assert.StartsWith("HUE-", answer["trackingCode"]!.GetValue<string>());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60));
    }
}
