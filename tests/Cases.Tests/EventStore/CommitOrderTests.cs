using Cases.Domain;
using Cases.EventStore;
using Cases.Testing;
using Npgsql;
using static Cases.Tests.EventStore.Events;

namespace Cases.Tests.EventStore;

/// <summary>DESIGN 3.1: a reader checkpointing on (tx_id, seq) over finished transactions never loses an event.</summary>
public class CommitOrderTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>
{
    [Fact]
    public async Task An_event_that_takes_an_earlier_sequence_number_but_commits_later_is_still_read()
    {
        var streamA = Guid.CreateVersion7();
        var streamB = Guid.CreateVersion7();
        var before = (await new CaseEventStore(db.DataSource).ReadLogAsync(LogPosition.Start, 10_000)).LastOrDefault()?.Position ?? LogPosition.Start;

        await using var a = await db.DataSource.OpenConnectionAsync();
        await using var b = await db.DataSource.OpenConnectionAsync();
        await using var txA = await a.BeginTransactionAsync();
        await using (var xid = new NpgsqlCommand("select pg_current_xact_id()", a, txA)) await xid.ExecuteScalarAsync(); // A takes the older xid
        await using var txB = await b.BeginTransactionAsync();
        await CaseEventStore.AppendAsync(b, streamB, 0, [Received(NewCode())], Meta(), null, []); // B: newer xid, smaller seq, stays open
        await CaseEventStore.AppendAsync(a, streamA, 0, [Received(NewCode())], Meta(), null, []); // A: older xid, larger seq
        await txA.CommitAsync();

        await using var reader = await db.DataSource.OpenConnectionAsync();
        var first = await ReadUntil(reader, before, 1);
        var readA = Assert.Single(first);
        Assert.Equal(streamA, readA.StreamId);
        var checkpoint = readA.Position;

        await txB.CommitAsync();
        var second = await ReadUntil(reader, checkpoint, 1);
        var readB = Assert.Single(second);
        Assert.Equal(streamB, readB.StreamId);
        // The interleaving really happened: B's sequence number is below the checkpoint's, so a reader
        // checkpointing on seq alone would have skipped it for good.
        Assert.True(readB.Position.Seq < checkpoint.Seq);
    }

    [Fact]
    public async Task The_log_reads_in_batches_without_repeating_or_skipping()
    {
        var store = new CaseEventStore(db.DataSource);
        var start = (await store.ReadLogAsync(LogPosition.Start, 100_000)).LastOrDefault()?.Position ?? LogPosition.Start;
        var ids = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            await store.AppendAsync(id, 0, [Received(NewCode())], Meta());
        }
        var seen = new List<Guid>();
        var position = start;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (seen.Count < ids.Count && DateTime.UtcNow < deadline)
        {
            var batch = await store.ReadLogAsync(position, 7);
            if (batch.Count == 0) { await Task.Delay(20); continue; }
            seen.AddRange(batch.Select(e => e.StreamId));
            position = batch[^1].Position;
        }
        Assert.Equal(ids, seen);
    }

    /// <summary>
    /// Reads the log until <paramref name="count"/> events arrived or a deadline passed. Transaction ids are
    /// cluster-wide, so a write transaction still open in another test's database holds the log back for a
    /// moment; that is the documented price of reading only finished transactions, never a loss.
    /// </summary>
    static async Task<List<StoredEvent>> ReadUntil(NpgsqlConnection conn, LogPosition after, int count)
    {
        var read = new List<StoredEvent>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (read.Count < count && DateTime.UtcNow < deadline)
        {
            var batch = await CaseEventStore.ReadLogAsync(conn, read.Count > 0 ? read[^1].Position : after, 100);
            if (batch.Count == 0) await Task.Delay(20);
            read.AddRange(batch);
        }
        // A little longer, to show that nothing else arrives.
        read.AddRange(await CaseEventStore.ReadLogAsync(conn, read.Count > 0 ? read[^1].Position : after, 100));
        return read;
    }

    [Fact]
    public async Task Transaction_ids_are_ordered_as_numbers_not_as_text()
    {
        // Events written as if by transactions 99 and 100 (ids far below any running transaction, so both
        // are finished): the log must give 99 first. As text, "100" sorts before "99".
        var stream = Guid.CreateVersion7();
        await db.ExecAsync("insert into cases.streams (id, kind, version) values ($1, 'FieldReport', 2)", stream);
        await db.ExecAsync("""
            insert into cases.events (tx_id, stream_id, version, type, data, metadata, occurred_at, hash)
            values ('100'::xid8, $1, 2, 'case_verified', '{"at":"2026-03-02T02:00:00Z","note":null}', '{}', now(), '\x00'),
                   ('99'::xid8, $1, 1, 'case_verified', '{"at":"2026-03-02T02:00:00Z","note":null}', '{}', now(), '\x00')
            """, stream);
        var read = (await new CaseEventStore(db.DataSource).ReadLogAsync(LogPosition.Start, 100_000)).Where(e => e.StreamId == stream).ToList();
        Assert.Equal([99UL, 100UL], read.Select(e => e.Position.TxId));
        var after99 = await new CaseEventStore(db.DataSource).ReadLogAsync(read[0].Position, 1);
        Assert.Equal(100UL, Assert.Single(after99).Position.TxId);
    }
}
