using Cases.EventStore;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace Cases.Projections.Daemon;

/// <summary>
/// Rebuilds a read model without the public ever seeing a half-built view (DESIGN 5): it fills shadow copies of
/// the read model's tables (<c>projections.&lt;table&gt;__rebuild</c>) from <c>cases.mt_events</c> in
/// <c>seq_id</c> order, in its own transactions, then swaps them in, in one transaction (see
/// <see cref="SwapAsync"/>), so queries see the old complete view until the new complete one replaces it. Runs
/// beside the live daemon, on any node; the live shard never stops.
/// <para>
/// The shadow is filled up to the high-water mark but never past the live shard's own position: the swap
/// hands the new tables to the live shard at that position, and the daemon goes on from there, so an event
/// the shadow already held would otherwise be applied twice. Rebuilds skip nothing: an event the read model
/// cannot apply stops the rebuild with a <see cref="ProjectionPoisonedException"/> naming it, and the live view
/// stays as it was. An interrupted rebuild starts afresh next time.
/// </para>
/// </summary>
public sealed partial class ProjectionRebuild(IDocumentStore store, NpgsqlDataSource db, IReadOnlyList<IReadModel> models)
{
    const string Progression = $"{CasesStore.Schema}.mt_event_progression";

    /// <summary>
    /// Events per transaction. Large: nobody waits on a shadow table, and each batch writes a case's row once
    /// however many of its events it holds.
    /// </summary>
    public int BatchSize { get; init; } = 5000;

    public IReadOnlyList<IReadModel> Models => models;

    /// <summary>Rebuilds <paramref name="name"/> and swaps it in; returns the position it was swapped in at.</summary>
    /// <exception cref="ProjectionPoisonedException">An event cannot be applied; nothing was swapped in.</exception>
    /// <exception cref="InvalidOperationException">A rebuild of this projection is already running (on any node).</exception>
    public async Task<long> RunAsync(string name, IProgress<RebuildProgress>? progress = null, CancellationToken ct = default)
    {
        var model = models.FirstOrDefault(m => m.Name == name)
            ?? throw new ArgumentException($"No projection named '{name}'. Known: {string.Join(", ", models.Select(m => m.Name))}.", nameof(name));
        var shard = ShardName.Compose(name).Identity;
        await using var guard = await db.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand("select pg_try_advisory_lock($1)", guard).With(Param.Long(LockKeys.Rebuild(name))))
            if (!(bool)(await take.ExecuteScalarAsync(ct))!)
                throw new InvalidOperationException($"A rebuild of {name} is already running.");
        try
        {
            await CreateShadowAsync(model, ct);
            long position = 0, applied = 0;
            var total = await CountAsync(shard, ct);
            var next = ReadAsync(shard, position, ct);
            try
            {
                while (await next is { Count: > 0 } events)
                {
                    // Read the next batch on another connection while this one is applied: each takes about as long.
                    next = ReadAsync(shard, events[^1].Sequence, ct);
                    await using var conn = await db.OpenConnectionAsync(ct);
                    await using var tx = await conn.BeginTransactionAsync(ct);
                    await ApplyAsync(model, conn, tx, events, ct);
                    await tx.CommitAsync(ct);
                    (position, applied) = (events[^1].Sequence, applied + events.Count);
                    progress?.Report(new RebuildProgress(name, applied, Math.Max(total, applied), position, false));
                }
            }
            finally
            {
                try { await next; } catch { } // a read ahead that is no longer wanted; its own error does not matter here
            }
            await FinishShadowAsync(model, ct);
            var (swappedAt, caughtUp) = await SwapAsync(model, shard, position, ct);
            applied += caughtUp;
            progress?.Report(new RebuildProgress(name, applied, Math.Max(total, applied), swappedAt, true));
            return swappedAt;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock($1)", guard).With(Param.Long(LockKeys.Rebuild(name)));
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>Where the shadow may go now: the high-water mark, but not past the live shard.</summary>
    async Task<long> TargetAsync(NpgsqlConnection conn, string shard, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select least(coalesce((select last_seq_id from {Progression} where name = 'HighWaterMark'), 0),
                         coalesce((select last_seq_id from {Progression} where name = $1), 0))
            """, conn).With(Param.Text(shard));
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    async Task<long> CountAsync(string shard, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var target = await TargetAsync(conn, shard, ct);
        await using var cmd = new NpgsqlCommand($"select count(*) from {CasesStore.Schema}.mt_events where seq_id <= $1", conn).With(Param.Long(target));
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    async Task<IReadOnlyList<IEvent>> ReadAsync(string shard, long after, CancellationToken ct)
    {
        long target;
        await using (var conn = await db.OpenConnectionAsync(ct))
            target = await TargetAsync(conn, shard, ct);
        return await ReadAsync(after, target, ct);
    }

    /// <summary>Events in (after, upTo], in seq_id order, read and deserialized by Marten as the daemon reads them.</summary>
    async Task<IReadOnlyList<IEvent>> ReadAsync(long after, long upTo, CancellationToken ct)
    {
        if (after >= upTo) return [];
        await using var session = store.QuerySession();
        return await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > after && e.Sequence <= upTo)
            .OrderBy(e => e.Sequence)
            .Take(BatchSize)
            .ToListAsync(ct);
    }

    /// <summary>Applies events to the shadow tables on the given transaction. Skips nothing.</summary>
    async Task ApplyAsync(IReadModel model, NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        var stored = new List<StoredEvent>(events.Count);
        foreach (var e in events)
        {
            if (EventTypes.IsMartenTombstone(e)) continue; // Marten's sequence-gap bookkeeping, no case's event
            try
            {
                stored.Add(StoredEvent.From(e));
            }
            catch (Exception x)
            {
                throw new ProjectionPoisonedException(model.Name, e.Sequence, e.StreamId, e.EventTypeName, e.Version, x);
            }
        }
        var batch = new RebuildBatch(conn, tx, stored, model.Name);
        await model.ApplyAsync(batch, ct);
        await batch.FlushAsync(ct);
    }

    /// <summary>Reads and writes on the rebuild's transaction, against the shadow tables.</summary>
    sealed class RebuildBatch(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<StoredEvent> events, string projection)
        : ProjectionBatch(events, ProjectionTables.Rebuild)
    {
        readonly List<NpgsqlBatchCommand> writes = [];

        public override NpgsqlCommand Command(string sql) => new(sql, conn, tx);

        public override void Write(NpgsqlBatchCommand command) => writes.Add(command);

        protected override Exception Poisoned(StoredEvent e, Exception inner) =>
            new ProjectionPoisonedException(projection, e.Seq, e.StreamId, e.Type, e.Version, inner);

        /// <summary>The batch's writes in one round trip.</summary>
        public async Task FlushAsync(CancellationToken ct)
        {
            if (writes.Count == 0) return;
            await using var batch = new NpgsqlBatch(conn, tx);
            foreach (var w in writes) batch.BatchCommands.Add(w);
            await batch.ExecuteNonQueryAsync(ct);
        }
    }
}
