using Cases.EventStore;
using Cases.Testing;
using Npgsql;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.Daemon;

/// <summary>DESIGN 3.1 end to end: the projections never lose an event that took its sequence number early and committed late.</summary>
public class CommitOrderTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task A_transaction_that_takes_its_xid_first_but_commits_later_still_reaches_the_projections()
    {
        await using var daemon = RunningDaemon.Start(db);
        var (codeA, codeB) = (NewCode(), NewCode());
        var (streamA, streamB) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        await using var a = await db.DataSource.OpenConnectionAsync();
        await using var b = await db.DataSource.OpenConnectionAsync();
        await using var txA = await a.BeginTransactionAsync();
        await using (var xid = new NpgsqlCommand("select pg_current_xact_id()", a, txA)) await xid.ExecuteScalarAsync(); // A: the older xid
        await using var txB = await b.BeginTransactionAsync();
        await CaseEventStore.AppendAsync(b, streamB, 0, [Report(codeB)], Meta(), null, []); // B: newer xid, smaller seq, stays open
        await CaseEventStore.AppendAsync(a, streamA, 0, [Report(codeA)], Meta(), null, []); // A: older xid, larger seq
        await txA.CommitAsync();

        // A reaches the projections while B is still open...
        await Wait.UntilAsync(async () => await Count(codeA) == 1, "A projected", mustNotFault: () => daemon.Run);
        var checkpoint = (await daemon.Daemon.StatusAsync()).Single(s => s.Name == "public_cases").Checkpoint;
        Assert.Equal(0L, await Count(codeB));

        // ...and B, committed later with a smaller sequence number than the checkpoint's, is not lost.
        await txB.CommitAsync();
        await Wait.UntilAsync(async () => await Count(codeB) == 1, "B projected", mustNotFault: () => daemon.Run);
        var seqB = await db.ScalarAsync<long>("select seq from cases.events where stream_id = $1", streamB);
        Assert.True(seqB < checkpoint.Seq, "the interleaving happened: B's seq is below the checkpoint A left");
        await daemon.CaughtUpAsync();
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.sla_facts where case_id = $1", streamB));
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.agency_queues where case_id = $1", streamB));
    }

    Task<long> Count(string code) => db.ScalarAsync<long>("select count(*) from projections.public_cases where tracking_code = $1", code);
}
