using Cases.Projections.Daemon;
using Cases.Testing;

namespace Cases.Projections.Tests.Daemon;

/// <summary>DESIGN 5 and 10: a crash at any point neither loses nor double-applies an event.</summary>
public class CrashSafetyTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task After_a_daemon_dies_in_the_middle_of_a_batch_a_restarted_daemon_equals_a_full_rebuild()
    {
        var cases = await db.ScalarAsync<long>("select count(*) from cases.mt_streams");
        var catalog = ProjectionCatalog.All(Node.Calendar);
        // The fifth public_cases batch stops after it has read its rows and folded its events, before it writes.
        var gate = new Gated(catalog[0], 5);
        await using (var first = Node.For(db, [gate, .. catalog.Skip(1)], batchSize: 7))
        {
            var master = await first.Streams.NewAsync(CaseStreams.Report(CaseStreams.NewCode()));
            for (var i = 0; i < 30; i++) await first.Streams.NewAsync(Workload.Stream(i, master));
            await first.StartDaemonAsync();
            await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Contains(await first.Monitor.StatusAsync(), s => s.LagEvents > 0); // mid-run

            // The process dies: its daemon is dropped and every connection it had goes with it.
            first.Crash();
            await db.ExecAsync("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
            db.DataSource.Clear();
            gate.Released.SetResult();
        }

        await using var second = Node.For(db, batchSize: 7);
        await second.StartDaemonAsync();
        await second.CaughtUpAsync();
        // 31 more cases, of which the 3 misconduct reports are private.
        var confidential = await db.ScalarAsync<long>("select count(*) from projections.sla_facts where confidential");
        Assert.Equal(cases + 31, await db.ScalarAsync<long>("select sum(received)::bigint from projections.sla_monthly"));
        Assert.Equal(cases + 31 - confidential, await db.ScalarAsync<long>("select count(*) from projections.public_cases"));
        await ExpectEqualToARebuild(db, second); // batches of 5,000: other boundaries than the live 7s
    }

    [Fact]
    public async Task A_connection_lost_between_applying_a_batch_and_committing_it_is_retried_without_loss_or_repeat()
    {
        await using var node = Node.For(db, batchSize: 7);
        var master = await node.Streams.NewAsync(CaseStreams.Report(CaseStreams.NewCode()));
        for (var i = 0; i < 20; i++) await node.Streams.NewAsync(Workload.Stream(i, master));
        // Every fourth write to public_cases or sla_facts kills its own connection, in the middle of the batch's
        // transaction: the batch's other statements have run, the progress has moved, nothing is committed. A
        // sequence counts, because it is not rolled back with the transaction.
        await db.ExecAsync("""
            create sequence test_crashes;
            create function test_crash() returns trigger language plpgsql as $$
            begin
                if nextval('test_crashes') % 4 = 0 then perform pg_terminate_backend(pg_backend_pid()); end if;
                return null;
            end $$;
            create trigger test_crash after insert or update on projections.public_cases for each statement execute function test_crash();
            create trigger test_crash after insert or update on projections.sla_facts for each statement execute function test_crash();
            """);
        try
        {
            // As the host runs it: Marten pauses a shard whose batch failed, and the coordinator's health check
            // restarts it from its committed progress.
            await node.StartHotColdAsync();
            await node.CaughtUpAsync(TimeSpan.FromSeconds(60));
            Assert.True(await db.ScalarAsync<long>("select last_value from test_crashes") >= 8, "connections were lost at least twice");
        }
        finally
        {
            await db.ExecAsync("""
                drop trigger test_crash on projections.public_cases;
                drop trigger test_crash on projections.sla_facts;
                drop function test_crash();
                drop sequence test_crashes;
                """);
        }
        await ExpectEqualToARebuild(db, node);
    }

    /// <summary>Rebuilds every projection (into shadow tables, then swapped in) and compares all read models, row for row.</summary>
    internal static async Task ExpectEqualToARebuild(TestDatabase db, Node node)
    {
        var live = await Rows.AllReadModelsAsync(db);
        Assert.NotEmpty(live["public_cases"]);
        foreach (var p in node.Rebuild.Models) await node.Rebuild.RunAsync(p.Name);
        var rebuilt = await Rows.AllReadModelsAsync(db);
        foreach (var table in Rows.ReadModelTables) Assert.Equal(rebuilt[table], live[table]);
    }
}
