using Cases.EventStore;
using Cases.Testing;

namespace Cases.Projections.Tests.Daemon;

/// <summary>
/// Found by the chaos run (issue 25): a unit of work that fails after Marten drew its sequence numbers (a retry that
/// lost the same-key race, a connection cut by a PostgreSQL restart) leaves Marten's <c>tombstone</c> events in a
/// stream of their own. The projections dead-lettered them as an unknown alias, a rebuild stopped on them, and
/// <c>audit verify --all</c> called their stream broken.
/// </summary>
public class TombstoneTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task Tombstones_of_a_failed_append_are_skipped_by_the_daemon_the_rebuild_and_the_audit()
    {
        await using var node = Node.For(db);
        await node.Streams.NewAsync(CaseStreams.Report(CaseStreams.NewCode()));

        // A new case whose idempotency record collides with one already stored: the save fails after drawing sequence numbers.
        var key = $"tombstone-{Guid.NewGuid():N}";
        await using (var first = node.Store.LightweightSession())
        {
            first.Insert(new ProcessedCommand(key, Guid.NewGuid(), 1));
            await first.SaveChangesAsync();
        }
        await using (var failing = CaseStreams.Session(node.Store.LightweightSession()))
        {
            failing.Events.StartStream(Guid.CreateVersion7(), CaseStreams.Report(CaseStreams.NewCode()));
            failing.Insert(new ProcessedCommand(key, Guid.NewGuid(), 1));
            await Assert.ThrowsAnyAsync<Exception>(() => failing.SaveChangesAsync());
        }
        // Marten writes the tombstones off the failed save's path, on a fresh connection: wait for them (bounded).
        for (var i = 0; i < 200 && await db.ScalarAsync<long>("select count(*) from cases.mt_events where type = 'tombstone'") == 0; i++)
            await Task.Delay(50);
        Assert.True(await db.ScalarAsync<long>("select count(*) from cases.mt_events where type = 'tombstone'") > 0);
        var tombstoneStream = await db.ScalarAsync<Guid>("select stream_id from cases.mt_events where type = 'tombstone' limit 1");
        await node.Streams.NewAsync(CaseStreams.Report(CaseStreams.NewCode())); // after the gap

        await node.StartDaemonAsync();
        await node.CaughtUpAsync();
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from cases.mt_doc_deadletterevent"));
        Assert.Equal(2L, await db.ScalarAsync<long>("select count(*) from projections.public_cases"));
        await CrashSafetyTests.ExpectEqualToARebuild(db, node);
        var chain = await new ChainVerifier(db.DataSource).VerifyStreamAsync(tombstoneStream);
        Assert.True(chain.Valid);
        Assert.Equal(0L, chain.StreamsChecked);
    }
}
