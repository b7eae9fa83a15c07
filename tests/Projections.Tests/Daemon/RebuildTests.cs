using Cases.EventStore;
using Cases.Projections.Daemon;
using Cases.Testing;

namespace Cases.Projections.Tests.Daemon;

/// <summary>DESIGN 5: a rebuild fills shadow tables and swaps them in at once; it resumes after an interruption.</summary>
public class RebuildTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    static readonly DaemonOptions SmallBatches = new() { BatchSize = 5, RebuildBatchSize = 5, PollInterval = TimeSpan.FromMilliseconds(50) };

    async Task SeedAsync(int count)
    {
        var streams = new CaseStreams(new CaseEventStore(db.DataSource));
        var master = await streams.NewAsync(CaseStreams.Report(CaseStreams.NewCode()));
        for (var i = 0; i < count; i++) await streams.NewAsync(Workload.Stream(i, master));
    }

    [Fact]
    public async Task Queries_during_a_rebuild_see_the_old_complete_view_until_the_swap()
    {
        await SeedAsync(20);
        await using var daemon = RunningDaemon.Start(db, options: SmallBatches);
        await daemon.CaughtUpAsync();
        var before = await Rows.AllReadModelsAsync(db);

        var seen = new List<RebuildProgress>();
        await daemon.Daemon.RebuildAsync("public_cases", p =>
        {
            seen.Add(p);
            if (p.Swapped) return;
            // Mid-rebuild: the shadow is partial, the live tables are whole and unchanged.
            var partial = db.ScalarAsync<long>("select count(*) from projections.public_cases__rebuild").GetAwaiter().GetResult();
            Assert.True(partial < before["public_cases"].Count || seen.Count > 1);
            Assert.Equal(before["public_cases"], Rows.TableAsync(db, "public_cases").GetAwaiter().GetResult());
            Assert.Equal(before["public_timeline"], Rows.TableAsync(db, "public_timeline").GetAwaiter().GetResult());
        });

        Assert.True(seen.Count(p => !p.Swapped) > 3, "several batches reported progress");
        Assert.True(seen[^1].Swapped);
        Assert.True(seen.Select(p => p.Applied).SequenceEqual(seen.Select(p => p.Applied).Order()), "progress only grows");
        Assert.Equal(before, await Rows.AllReadModelsAsync(db));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from pg_tables where schemaname = 'projections' and tablename like '%rebuild%'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from projections.checkpoints where name like '%#rebuild'"));
        // The swapped-in table has its indexes, named as the live table's.
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from pg_indexes where schemaname = 'projections' and indexname like '%rebuild%'"));
        Assert.True(await db.ScalarAsync<long>("select count(*) from pg_indexes where schemaname = 'projections' and tablename = 'public_cases'") >= 6);
    }

    [Fact]
    public async Task An_interrupted_rebuild_resumes_where_it_stopped()
    {
        await SeedAsync(20);
        await using var daemon = RunningDaemon.Start(db, options: SmallBatches);
        await daemon.CaughtUpAsync();
        var before = await Rows.AllReadModelsAsync(db);

        var batches = 0;
        await Assert.ThrowsAsync<OperationCanceledException>(() => daemon.Daemon.RebuildAsync("sla", _ =>
        {
            if (++batches == 3) throw new OperationCanceledException("operator pressed Ctrl+C");
        }));
        var progress = await db.ScalarAsync<long>("select seq from projections.checkpoints where name = 'sla#rebuild'");
        Assert.True(progress > 0);
        Assert.Equal(progress, (await daemon.Daemon.StatusAsync()).Single(s => s.Name == "sla").Rebuild?.Seq); // shown in status
        Assert.Equal(before, await Rows.AllReadModelsAsync(db)); // the live view is untouched

        var resumed = new List<RebuildProgress>();
        await daemon.Daemon.RebuildAsync("sla", resumed.Add);
        Assert.True(resumed[0].Applied < resumed[^1].Total + 1);
        Assert.Equal(before, await Rows.AllReadModelsAsync(db));
        Assert.Null((await daemon.Daemon.StatusAsync()).Single(s => s.Name == "sla").Rebuild);
    }

    [Fact]
    public async Task Events_appended_during_a_rebuild_reach_the_swapped_in_view()
    {
        await SeedAsync(10);
        var streams = new CaseStreams(new CaseEventStore(db.DataSource));
        await using var daemon = RunningDaemon.Start(db, options: SmallBatches);
        await daemon.CaughtUpAsync();

        var code = CaseStreams.NewCode();
        var appended = false;
        foreach (var p in daemon.Daemon.Projections)
        {
            await daemon.Daemon.RebuildAsync(p.Name, _ =>
            {
                if (appended) return;
                appended = true;
                streams.NewAsync(CaseStreams.FullLifecycle(code)).GetAwaiter().GetResult();
            });
        }
        await daemon.CaughtUpAsync();
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where tracking_code = $1", code));
        Assert.Equal(9L, await db.ScalarAsync<long>("select count(*) from projections.public_timeline where tracking_code = $1", code));
        await CrashSafetyTests.ExpectEqualToARebuild(db, daemon.Daemon);
    }
}
