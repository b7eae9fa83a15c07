using Cases.EventStore;
using Cases.Projections.Daemon;
using Cases.Testing;

namespace Cases.Projections.Tests.Daemon;

/// <summary>DESIGN 5: one runner per projection across nodes; when a runner's connection dies another takes over.</summary>
public class TwoDaemonsTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    static readonly DaemonOptions Fast = new() { BatchSize = 5, PollInterval = TimeSpan.FromMilliseconds(50), RetryDelay = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public async Task Two_daemons_on_one_database_apply_every_event_exactly_once_per_projection()
    {
        var streams = new CaseStreams(new CaseEventStore(db.DataSource));
        await using var a = RunningDaemon.Start(db, options: Fast);
        await using var b = RunningDaemon.Start(db, options: Fast);

        var ward = "ward-" + Guid.NewGuid().ToString("N")[..8];
        // Four writers at once while both daemons run.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++) await streams.NewAsync(CaseStreams.FullLifecycle(CaseStreams.NewCode(), ward: ward));
        })));
        await a.CaughtUpAsync();

        var status = await a.Daemon.StatusAsync();
        Assert.All(status, s => Assert.Equal(ProjectionState.Running, s.State));
        Assert.Equal(40L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where ward = $1", ward));
        Assert.Equal(40L * 9, await db.ScalarAsync<long>(
            "select count(*) from projections.public_timeline t join projections.public_cases c using (case_id) where c.ward = $1", ward));
        Assert.Equal(40L, await db.ScalarAsync<long>("select count(*) from projections.sla_facts where ward = $1", ward));
        // Counters are where a double apply would show: each case counted once.
        var sums = await Rows.OneAsync(db, "select sum(received) as r, sum(resolved) as s, sum(rating_count) as c from projections.sla_monthly where ward = $1", ward);
        Assert.Equal(new object?[] { 40m, 40m, 40m }, sums!.Values.ToArray());
        // Each projection ran on exactly one of the two nodes.
        foreach (var p in a.Daemon.Projections)
            Assert.Equal(1, new[] { a, b }.Count(d => Ran(d, p.Name)));
        await CrashSafetyTests.ExpectEqualToARebuild(db, RunningDaemon.Idle(db).Daemon);
    }

    [Fact]
    public async Task When_the_runner_s_lock_connection_dies_the_other_daemon_takes_over()
    {
        var streams = new CaseStreams(new CaseEventStore(db.DataSource));
        await using var a = RunningDaemon.Start(db, options: Fast);
        await Wait.UntilAsync(async () => (await a.Daemon.StatusAsync()).All(s => s.State == ProjectionState.Running), "a runs everything");
        await using var b = RunningDaemon.Start(db, options: Fast);
        await streams.NewAsync(CaseStreams.FullLifecycle(CaseStreams.NewCode()));
        await a.CaughtUpAsync();
        Assert.DoesNotContain(a.Daemon.Projections, p => Ran(b, p.Name));

        // Kill the sessions holding advisory locks in this database: a's lock connections. Its loops notice and compete
        // again; whichever node wins, every projection runs and catches up.
        await db.ExecAsync("""
            select pg_terminate_backend(pid) from pg_locks
            where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = current_database())
            """);
        // A batch connection killed while idle in the pool would fail the test's own next append; the daemon
        // recovers from such errors by itself, the test's writer does not need to.
        db.DataSource.Clear();
        var code = CaseStreams.NewCode();
        await streams.NewAsync(CaseStreams.FullLifecycle(code));
        await a.CaughtUpAsync();
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where tracking_code = $1", code));
        await Wait.UntilAsync(async () => (await a.Daemon.StatusAsync()).All(s => s.State == ProjectionState.Running), "all running again");
    }

    static bool Ran(RunningDaemon d, string projection)
    {
        lock (d.Logs)
            return d.Logs.Any(e => e.MessageTemplate.Text.Contains("runs on this node") && e.Properties["Projection"].ToString() == $"\"{projection}\"");
    }
}
