using Cases.EventStore;
using Npgsql;

namespace Cases.Projections.Daemon;

// One batch: read after the checkpoint, apply, advance the checkpoint conditionally, commit (DESIGN 5).
public sealed partial class ProjectionDaemon
{
    internal enum BatchResult { Applied, Empty, Conflict, Poisoned }

    /// <summary>
    /// Applies the next batch to <paramref name="tables"/> under checkpoint <paramref name="checkpoint"/>, in its
    /// own transaction. When the projection throws, the batch is retried one event at a time to find the poison
    /// event; the events before it are applied, and the poison event is recorded in projections.projection_errors.
    /// </summary>
    internal async Task<BatchResult> ApplyNextAsync(IProjection p, ProjectionTables tables, string checkpoint, int limit, CancellationToken ct)
    {
        try
        {
            return await ApplyInOwnTransactionAsync(p, tables, checkpoint, limit, ct);
        }
        catch (ApplyFailedException) when (limit > 1)
        {
            for (var i = 0; i < limit; i++)
            {
                var one = await ApplyNextAsync(p, tables, checkpoint, 1, ct);
                if (one is not BatchResult.Applied) return one;
            }
            return BatchResult.Applied; // a failure that did not repeat: nothing to report
        }
        catch (ApplyFailedException e)
        {
            await RecordPoisonAsync(p, e, tables.IsLive, ct);
            if (!tables.IsLive) throw new ProjectionPoisonedException(p.Name, e.Event, e.InnerException!);
            return BatchResult.Poisoned;
        }
    }

    async Task<BatchResult> ApplyInOwnTransactionAsync(IProjection p, ProjectionTables tables, string checkpoint, int limit, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        if (tables.IsLive)
        {
            // Before anything else, so a rebuild's swap (which takes it exclusively) and this batch never wait on each other's tables.
            await using var shared = new NpgsqlCommand("select pg_advisory_xact_lock_shared($1)", conn, tx).With(Param.Long(LockKeys.Swap(p.Name)));
            await shared.ExecuteNonQueryAsync(ct);
        }
        var result = await ApplyAsync(conn, tx, p, tables, checkpoint, limit, ct);
        if (result != BatchResult.Applied)
        {
            await tx.RollbackAsync(ct);
            return result;
        }
        if (options.BeforeCommit is { } hook) await hook(p, conn);
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>The batch inside a given transaction: read the checkpoint, read the log after it, apply, advance.</summary>
    internal async Task<BatchResult> ApplyAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IProjection p, ProjectionTables tables, string checkpoint, int limit, CancellationToken ct)
    {
        // Read here, not remembered between batches: another node, a skip or a swap may have moved it.
        var from = await Checkpoints.ReadAsync(conn, tx, checkpoint, ct) ?? LogPosition.Start;
        var events = await CaseEventStore.ReadLogAsync(conn, from, limit, ct);
        if (events.Count == 0) return BatchResult.Empty;
        return await ApplyReadAsync(conn, tx, p, tables, checkpoint, from, events, ct);
    }

    /// <summary>
    /// Applies events already read from the log after <paramref name="from"/>, and advances the checkpoint from
    /// there: a conflict if it is no longer at <paramref name="from"/> (the events were read ahead, outside this
    /// transaction; the log below the checkpoint never changes, so only the checkpoint needs checking).
    /// </summary>
    internal async Task<BatchResult> ApplyReadAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, IProjection p, ProjectionTables tables, string checkpoint,
        LogPosition from, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var to = events[^1].Position;
        var skipped = await Checkpoints.SkippedAsync(conn, tx, p.Name, from, to, ct);
        var apply = skipped.Count == 0 ? events : events.Where(e => !skipped.Contains(e.Position)).ToList();
        if (apply.Count > 0)
        {
            try
            {
                await p.ApplyAsync(new ProjectionBatch(conn, tx, apply, tables), ct);
            }
            catch (Exception e) when (!IsTransient(e) && e is not OperationCanceledException)
            {
                throw new ApplyFailedException(apply[0], e);
            }
        }
        if (!await Checkpoints.AdvanceAsync(conn, tx, checkpoint, from, to, ct))
        {
            log.Information("Projection {Projection}: checkpoint {Checkpoint} moved under us; re-reading", p.Name, checkpoint);
            return BatchResult.Conflict;
        }
        return BatchResult.Applied;
    }

    async Task RecordPoisonAsync(IProjection p, ApplyFailedException e, bool live, CancellationToken ct)
    {
        var ev = e.Event;
        log.Error(e.InnerException, "Projection {Projection} cannot apply event {Position} ({EventType} v{Version}) of case {CaseId}; it stops until the event is skipped",
            p.Name, ev.Position.ToString(), ev.Type, ev.Version, ev.StreamId);
        if (!live) return; // a rebuild reports its poison event to its caller; the live projection is not stopped
        await using var cmd = db.CreateCommand("""
            insert into projections.projection_errors (name, tx_id, seq, stream_id, event_type, error)
            values ($1, $2::text::xid8, $3, $4, $5, $6)
            on conflict (name) do update set tx_id = excluded.tx_id, seq = excluded.seq, stream_id = excluded.stream_id,
                event_type = excluded.event_type, error = excluded.error, failed_at = now()
            """).With(Param.Text(p.Name), Param.TxId(ev.Position), Param.Long(ev.Position.Seq), Param.Uuid(ev.StreamId),
                Param.Text(ev.Type), Param.Text(e.InnerException!.ToString()));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A projection threw on a single-event batch (or on a batch: then <see cref="Event"/> is only its first).</summary>
    sealed class ApplyFailedException(StoredEvent e, Exception inner) : Exception($"Cannot apply {e.Type} at {e.Position}", inner)
    {
        public StoredEvent Event { get; } = e;
    }
}
