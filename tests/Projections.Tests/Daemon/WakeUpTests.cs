using Cases.Testing;

namespace Cases.Projections.Tests.Daemon;

/// <summary>
/// DESIGN 15 (issue 21): a commit on any node wakes the node that runs the projections, through a NOTIFY sent after
/// the commit; when that signal is lost (its connection cut), the daemon still finds every event by polling, and
/// the signal comes back by itself.
/// </summary>
public class WakeUpTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    const string ListenQuery = "listen cases_events_appended";

    [Fact]
    public async Task A_commit_on_another_node_wakes_the_daemon_and_a_cut_signal_falls_back_to_polling()
    {
        await using var a = Node.For(db);
        await a.StartHotColdAsync();
        await Wait.UntilAsync(() => Task.FromResult(a.Wake.Listening), "the daemon's node listens");
        await using var b = Node.For(db); // writes only: runs no daemon

        var before = a.Wake.Wakes;
        var first = CaseStreams.NewCode();
        await b.Streams.NewAsync(CaseStreams.FullLifecycle(first));
        await a.CaughtUpAsync();
        Assert.True(a.Wake.Wakes > before, "b's commit reached a as a wake-up");
        Assert.True(b.Wake.NotifiesSent > 0);

        // Cut every listening connection, as a network blip or a database restart would.
        await Wait.UntilAsync(async () => await db.ScalarAsync<long>(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = current_database() and query = $1", ListenQuery) > 0,
            "the listener's connection cut");
        var second = CaseStreams.NewCode();
        await b.Streams.NewAsync(CaseStreams.FullLifecycle(second));
        // Found anyway: polling is the fallback, and nothing is skipped.
        await a.CaughtUpAsync();
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where tracking_code = $1", second));

        // The signal comes back on its own.
        await Wait.UntilAsync(async () => a.Wake.Listening && await db.ScalarAsync<long>(
            "select count(*) from pg_stat_activity where datname = current_database() and query = $1", ListenQuery) > 0, "listening again");
        var wakes = a.Wake.Wakes;
        await b.Streams.NewAsync(CaseStreams.FullLifecycle(CaseStreams.NewCode()));
        await Wait.UntilAsync(() => Task.FromResult(a.Wake.Wakes > wakes), "a woken by b's commit again");
        await a.CaughtUpAsync();
    }
}
