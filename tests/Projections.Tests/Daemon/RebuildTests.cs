using Cases.Projections.Daemon;
using Cases.Testing;

namespace Cases.Projections.Tests.Daemon;

/// <summary>DESIGN 5: a rebuild fills shadow tables and swaps them in at once, beside the running daemon.</summary>
public class RebuildTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    async Task SeedAsync(Node node, int count)
    {
        var master = await node.Streams.NewAsync(CaseStreams.Report(CaseStreams.NewCode()));
        for (var i = 0; i < count; i++) await node.Streams.NewAsync(Workload.Stream(i, master));
    }

    /// <summary>Progress reported synchronously, in the rebuild's own flow (<see cref="Progress{T}"/> would post it elsewhere).</summary>
    sealed class Inline(Action<RebuildProgress> report) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => report(value);
    }

    [Fact]
    public async Task Queries_during_a_rebuild_see_the_old_complete_view_until_the_swap()
    {
        await using var node = Node.For(db, batchSize: 5, rebuildBatchSize: 5);
        await SeedAsync(node, 20);
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();
        var before = await Rows.AllReadModelsAsync(db);

        var seen = new List<RebuildProgress>();
        await node.Rebuild.RunAsync("public_cases", new Inline(p =>
        {
            seen.Add(p);
            if (p.Swapped) return;
            // Mid-rebuild: the shadow is partial, the live tables are whole and unchanged.
            var partial = db.ScalarAsync<long>("select count(*) from projections.public_cases__rebuild").GetAwaiter().GetResult();
            Assert.True(partial < before["public_cases"].Count || seen.Count > 1);
            Assert.Equal(before["public_cases"], Rows.TableAsync(db, "public_cases").GetAwaiter().GetResult());
            Assert.Equal(before["public_timeline"], Rows.TableAsync(db, "public_timeline").GetAwaiter().GetResult());
        }));

        Assert.True(seen.Count(p => !p.Swapped) > 3, "several batches reported progress");
        Assert.True(seen[^1].Swapped);
        Assert.True(seen.Select(p => p.Applied).SequenceEqual(seen.Select(p => p.Applied).Order()), "progress only grows");
        Assert.All(seen, p => Assert.True(p.Applied <= p.Total));
        Assert.Equal(before, await Rows.AllReadModelsAsync(db));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from pg_tables where schemaname = 'projections' and tablename like '%rebuild%'"));
        // The swapped-in table has its indexes, named as the live table's.
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from pg_indexes where schemaname = 'projections' and indexname like '%rebuild%'"));
        Assert.True(await db.ScalarAsync<long>("select count(*) from pg_indexes where schemaname = 'projections' and tablename = 'public_cases'") >= 6);
    }

    [Fact]
    public async Task An_interrupted_rebuild_leaves_the_live_view_untouched_and_the_next_one_starts_afresh()
    {
        await using var node = Node.For(db, batchSize: 5, rebuildBatchSize: 5);
        await SeedAsync(node, 20);
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();
        var before = await Rows.AllReadModelsAsync(db);

        var batches = 0;
        await Assert.ThrowsAsync<OperationCanceledException>(() => node.Rebuild.RunAsync("sla", new Inline(_ =>
        {
            if (++batches == 3) throw new OperationCanceledException("operator pressed Ctrl+C");
        })));
        Assert.True(await db.ScalarAsync<long>("select count(*) from projections.sla_facts__rebuild") > 0);
        Assert.Equal(before, await Rows.AllReadModelsAsync(db)); // the live view is untouched

        var again = new List<RebuildProgress>();
        await node.Rebuild.RunAsync("sla", new Inline(again.Add));
        Assert.Equal(5, again[0].Applied); // from the start
        Assert.True(again[^1].Swapped);
        Assert.Equal(before, await Rows.AllReadModelsAsync(db));
    }

    [Fact]
    public async Task Events_appended_during_a_rebuild_reach_the_swapped_in_view()
    {
        await using var node = Node.For(db, batchSize: 5, rebuildBatchSize: 5);
        await SeedAsync(node, 10);
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var code = CaseStreams.NewCode();
        var appended = false;
        foreach (var p in node.Rebuild.Models)
        {
            await node.Rebuild.RunAsync(p.Name, new Inline(_ =>
            {
                if (appended) return;
                appended = true;
                node.Streams.NewAsync(CaseStreams.FullLifecycle(code)).GetAwaiter().GetResult();
            }));
        }
        await node.CaughtUpAsync();
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where tracking_code = $1", code));
        Assert.Equal(9L, await db.ScalarAsync<long>("select count(*) from projections.public_timeline where tracking_code = $1", code));
        await CrashSafetyTests.ExpectEqualToARebuild(db, node);
    }

    [Fact]
    public async Task A_live_batch_that_read_its_rows_before_a_swap_writes_them_onto_the_new_tables_without_loss_or_repeat()
    {
        var catalog = ProjectionCatalog.All(Node.Calendar);
        var gate = new Gated(catalog[0], 2);
        await using var node = Node.For(db, [gate, .. catalog.Skip(1)]);
        await SeedAsync(node, 5);
        await node.StartDaemonAsync();
        await Wait.UntilAsync(async () => (await node.Monitor.StatusAsync()).Single(s => s.Name == "public_cases").Position > 0, "a first public_cases batch");

        // The next public_cases batch reads the rows of the case it touches from the live tables and stops before
        // writing; meanwhile a rebuild swaps new tables in. Then the batch writes, onto the new tables.
        var code = CaseStreams.NewCode();
        var id = await node.Streams.NewAsync(CaseStreams.FullLifecycle(code));
        await gate.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var rebuild = node.Rebuild.RunAsync("public_cases");
        await rebuild.WaitAsync(TimeSpan.FromSeconds(30)); // the batch holds no lock yet: the swap does not wait for it
        gate.Released.SetResult();

        await node.CaughtUpAsync();
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where case_id = $1", id));
        Assert.Equal(9L, await db.ScalarAsync<long>("select count(*) from projections.public_timeline where case_id = $1", id));
        await CrashSafetyTests.ExpectEqualToARebuild(db, node);
    }

    [Fact]
    public async Task A_second_rebuild_of_the_same_projection_and_a_rebuild_of_an_unknown_one_are_refused()
    {
        await using var node = Node.For(db, rebuildBatchSize: 5);
        await SeedAsync(node, 3);
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        Exception? second = null;
        await node.Rebuild.RunAsync("agency_queues", new Inline(p =>
        {
            if (second is null && !p.Swapped) second = Record.Exception(() => node.Rebuild.RunAsync("agency_queues").GetAwaiter().GetResult());
        }));
        Assert.IsType<InvalidOperationException>(second);
        await Assert.ThrowsAsync<ArgumentException>(() => node.Rebuild.RunAsync("no_such_projection"));
    }
}
