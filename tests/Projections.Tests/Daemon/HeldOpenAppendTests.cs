using Cases.Testing;
using Marten.Services;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.Daemon;

/// <summary>
/// DESIGN 5, "no event skipped": an append whose transaction stays open while later ones commit leaves a gap in
/// mt_events' sequence. Marten holds the high-water mark at the gap while the transaction is alive, so no
/// projection passes the event, and applies it once it commits.
/// </summary>
public class HeldOpenAppendTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task An_append_held_open_for_30_seconds_while_50_others_commit_is_projected_and_nothing_is_skipped_or_applied_twice()
    {
        await using var node = Node.For(db);
        await node.StartDaemonAsync();
        var ward = "ward-" + Guid.NewGuid().ToString("N")[..8];

        // The held append: Marten's own append, on a transaction the test keeps open.
        await using var conn = await db.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var held = Guid.CreateVersion7();
        await using (var session = Session(node.Store.LightweightSession(SessionOptions.ForTransaction(tx))))
        {
            session.Events.StartStream(held, Report(NewCode(), ward: ward));
            await session.SaveChangesAsync();
        }
        long heldSeq;
        await using (var seq = new Npgsql.NpgsqlCommand("select seq_id from cases.mt_events where stream_id = $1", conn, tx) { Parameters = { new() { Value = held } } })
            heldSeq = (long)(await seq.ExecuteScalarAsync())!;

        for (var i = 0; i < 50; i++) await node.Streams.NewAsync(Report(NewCode(), ward: ward));
        Assert.Equal(50L, await db.ScalarAsync<long>("select count(*) from cases.mt_events where seq_id > $1", heldSeq));

        // 30 s, ten times Marten's stale-gap threshold: the mark never passes the open append, nothing is skipped.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < until)
        {
            Assert.All(await node.Monitor.StatusAsync(), s => Assert.True(s.HighWaterMark < heldSeq && s.Position < heldSeq));
            Assert.Equal(0L, await Skips());
            await Task.Delay(250);
        }
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where ward = $1", ward));
        Assert.All(await node.Monitor.StatusAsync(), s => Assert.True(s.LagEvents >= 50)); // the lag shows the hold

        await tx.CommitAsync();
        await node.CaughtUpAsync();
        Assert.Equal(51L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where ward = $1", ward));
        Assert.Equal(51L, await db.ScalarAsync<long>(
            "select count(*) from projections.public_timeline t join projections.public_cases c using (case_id) where c.ward = $1", ward));
        Assert.Equal(51L, await db.ScalarAsync<long>("select count(*) from projections.sla_facts where ward = $1", ward));
        Assert.Equal(51L, await db.ScalarAsync<long>("select count(*) from projections.agency_queues where ward = $1", ward));
        // Counters are where a double apply would show.
        Assert.Equal(51m, await db.ScalarAsync<decimal>("select sum(received) from projections.sla_monthly where ward = $1", ward));
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where case_id = $1", held));
        // After the commit Marten may still record a skip (seen under loads of 20 to 38 on 2 cores: a sequence value
        // burnt by a retried append elsewhere in the batch). That is harmless: what would lose the held event is a
        // jump while it was uncommitted, which the loop above refuses, and the counts above prove it applied once.
        Assert.All(await node.Monitor.StatusAsync(), s => Assert.Equal(0, s.DeadLetters));
    }

    /// <summary>Gaps Marten's high-water detection skipped (its mt_high_water_skips, when the store keeps it).</summary>
    async Task<long> Skips() =>
        await db.ScalarAsync<bool>("select to_regclass('cases.mt_high_water_skips') is not null")
            ? await db.ScalarAsync<long>("select count(*) from cases.mt_high_water_skips")
            : 0;
}
