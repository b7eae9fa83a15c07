using Cases.Testing;

namespace Cases.Projections.Tests.Daemon;

/// <summary>DESIGN 5 and 12: Marten's HotCold daemon runs each projection on one node; when that node stops another takes over.</summary>
public class TwoDaemonsTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    static readonly string[] Shards = ["public_cases:All", "sla:All", "agency_queues:All"];

    [Fact]
    public async Task Two_daemons_on_one_database_apply_every_event_exactly_once_per_projection()
    {
        await using var a = Node.For(db, batchSize: 5);
        await using var b = Node.For(db, batchSize: 5);
        await a.StartHotColdAsync();
        await b.StartHotColdAsync();

        var ward = "ward-" + Guid.NewGuid().ToString("N")[..8];
        // Four writers at once while both daemons run.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++) await a.Streams.NewAsync(CaseStreams.FullLifecycle(CaseStreams.NewCode(), ward: ward));
        })));
        await a.CaughtUpAsync();

        Assert.All(await a.Monitor.StatusAsync(), s => Assert.True(s.Running));
        Assert.Equal(40L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where ward = $1", ward));
        Assert.Equal(40L * 9, await db.ScalarAsync<long>(
            "select count(*) from projections.public_timeline t join projections.public_cases c using (case_id) where c.ward = $1", ward));
        Assert.Equal(40L, await db.ScalarAsync<long>("select count(*) from projections.sla_facts where ward = $1", ward));
        // Counters are where a double apply would show: each case counted once.
        var sums = await Rows.OneAsync(db, "select sum(received) as r, sum(resolved) as s, sum(rating_count) as c from projections.sla_monthly where ward = $1", ward);
        Assert.Equal(new object?[] { 40m, 40m, 40m }, sums!.Values.ToArray());
        // Each projection runs on exactly one of the two nodes.
        foreach (var shard in Shards)
            Assert.Equal(1, new[] { a, b }.Count(n => n.RunningShards().Contains(shard)));
        await CrashSafetyTests.ExpectEqualToARebuild(db, a);
    }

    [Fact]
    public async Task When_the_node_running_the_projections_stops_the_other_takes_over()
    {
        await using var a = Node.For(db);
        await a.StartHotColdAsync();
        await Wait.UntilAsync(() => Task.FromResult(Shards.All(a.RunningShards().Contains)), "a runs everything");
        await using var b = Node.For(db);
        await b.StartHotColdAsync();
        await a.Streams.NewAsync(CaseStreams.FullLifecycle(CaseStreams.NewCode()));
        await a.CaughtUpAsync();
        Assert.Empty(b.RunningShards());

        await a.StopAsync();
        var code = CaseStreams.NewCode();
        await b.Streams.NewAsync(CaseStreams.FullLifecycle(code));
        await b.CaughtUpAsync();
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where tracking_code = $1", code));
        Assert.Equal(9L, await db.ScalarAsync<long>("select count(*) from projections.public_timeline where tracking_code = $1", code));
        Assert.Equal(Shards.Order(), b.RunningShards().Order());
        Assert.All(await b.Monitor.StatusAsync(), s => Assert.True(s.Running));
    }
}
