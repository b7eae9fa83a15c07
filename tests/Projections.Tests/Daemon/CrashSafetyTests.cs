using Cases.EventStore;
using Cases.Projections.Daemon;
using Cases.Testing;

namespace Cases.Projections.Tests.Daemon;

/// <summary>DESIGN 5 and 10: a crash at any point neither loses nor double-applies an event.</summary>
public class CrashSafetyTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    sealed class Crash() : Exception("simulated crash before commit");

    [Fact]
    public async Task After_a_crash_between_applying_a_batch_and_committing_it_a_restarted_daemon_equals_a_full_rebuild()
    {
        var streams = new CaseStreams(new CaseEventStore(db.DataSource));
        var cases = await db.ScalarAsync<long>("select count(*) from cases.streams");
        var master = await streams.NewAsync(CaseStreams.Report(CaseStreams.NewCode()));
        for (var i = 0; i < 30; i++) await streams.NewAsync(Workload.Stream(i, master));

        var commits = 0;
        var crashing = new DaemonOptions
        {
            BatchSize = 7, PollInterval = TimeSpan.FromMilliseconds(100),
            BeforeCommit = (_, _) => Interlocked.Increment(ref commits) == 5 ? throw new Crash() : Task.CompletedTask,
        };
        await using (var first = RunningDaemon.Start(db, options: crashing))
            await Assert.ThrowsAsync<Crash>(() => first.Run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(commits >= 5);

        await using var second = RunningDaemon.Start(db, options: new DaemonOptions { BatchSize = 7, PollInterval = TimeSpan.FromMilliseconds(100) });
        await second.CaughtUpAsync();
        // 31 more cases, of which the 3 misconduct reports are private.
        var confidential = await db.ScalarAsync<long>("select count(*) from projections.sla_facts where confidential");
        Assert.Equal(cases + 31, await db.ScalarAsync<long>("select sum(received)::bigint from projections.sla_monthly"));
        Assert.Equal(cases + 31 - confidential, await db.ScalarAsync<long>("select count(*) from projections.public_cases"));
        await ExpectEqualToARebuild(db, RunningDaemon.Idle(db).Daemon); // batches of 500: other boundaries than the live 7s
    }

    [Fact]
    public async Task A_connection_lost_between_applying_a_batch_and_committing_it_is_retried_without_loss_or_repeat()
    {
        var streams = new CaseStreams(new CaseEventStore(db.DataSource));
        var master = await streams.NewAsync(CaseStreams.Report(CaseStreams.NewCode()));
        for (var i = 0; i < 20; i++) await streams.NewAsync(Workload.Stream(i, master));

        var commits = 0;
        var options = new DaemonOptions
        {
            BatchSize = 7, PollInterval = TimeSpan.FromMilliseconds(100), RetryDelay = TimeSpan.FromMilliseconds(50),
            BeforeCommit = async (_, conn) =>
            {
                if (Interlocked.Increment(ref commits) % 4 != 0) return;
                // Another session kills this batch's backend: the commit then fails as a lost connection would.
                await db.ExecAsync("select pg_terminate_backend($1)", conn.ProcessID);
            },
        };
        await using var daemon = RunningDaemon.Start(db, options: options);
        await daemon.CaughtUpAsync();
        Assert.False(daemon.Run.IsCompleted, "the daemon rode it out");
        Assert.True(commits >= 8);
        lock (daemon.Logs) Assert.Contains(daemon.Logs, e => e.MessageTemplate.Text.Contains("database unavailable"));
        await ExpectEqualToARebuild(db, RunningDaemon.Idle(db).Daemon);
    }

    /// <summary>Rebuilds every projection (into shadow tables, then swapped in) and compares all read models, row for row.</summary>
    internal static async Task ExpectEqualToARebuild(TestDatabase db, ProjectionDaemon daemon)
    {
        var live = await Rows.AllReadModelsAsync(db);
        Assert.NotEmpty(live["public_cases"]);
        foreach (var p in daemon.Projections) await daemon.RebuildAsync(p.Name);
        var rebuilt = await Rows.AllReadModelsAsync(db);
        foreach (var table in Rows.ReadModelTables) Assert.Equal(rebuilt[table], live[table]);
    }
}
