using Cases.EventStore;
using Npgsql;

namespace Cases.Projections.Daemon;

// What an operator asks of the daemon: health and lag, and skipping a poison event (DESIGN 5).
public sealed partial class ProjectionDaemon
{
    /// <summary>
    /// Every registered projection's checkpoint, lag and state, as the database knows them (so any node, or the
    /// CLI, sees the same): running when some session holds its runner lock, poisoned when an error is recorded.
    /// </summary>
    public async Task<IReadOnlyList<ProjectionStatus>> StatusAsync(CancellationToken ct = default)
    {
        var list = new List<ProjectionStatus>();
        await using var conn = await db.OpenConnectionAsync(ct);
        foreach (var p in projections)
        {
            var (classId, objId) = LockKeys.AsPgLocks(LockKeys.Runner(p.Name));
            await using var cmd = new NpgsqlCommand("""
                with cp as (
                    select coalesce((select tx_id from projections.checkpoints where name = $1), '0'::xid8) as tx_id,
                           coalesce((select seq from projections.checkpoints where name = $1), 0) as seq)
                select cp.tx_id::text, cp.seq,
                       (select count(*) from cases.events e where (e.tx_id, e.seq) > (cp.tx_id, cp.seq)),
                       (select extract(epoch from now() - min(e.recorded_at))::float8 from cases.events e where (e.tx_id, e.seq) > (cp.tx_id, cp.seq)),
                       exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted and l.database = (select oid from pg_database where datname = current_database())
                               and l.classid::bigint = $2 and l.objid::bigint = $3 and l.objsubid = 1),
                       err.tx_id::text, err.seq, err.stream_id, err.event_type, err.error, err.failed_at,
                       rb.tx_id::text, rb.seq
                from cp left join projections.projection_errors err on err.name = $1
                        left join projections.checkpoints rb on rb.name = $4
                """, conn).With(Param.Text(p.Name), Param.Long(classId), Param.Long(objId), Param.Text(Checkpoints.RebuildName(p.Name)));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            var error = r.IsDBNull(5) ? null : new ProjectionError(
                new LogPosition(ulong.Parse(r.GetString(5)), r.GetInt64(6)), r.GetGuid(7), r.GetString(8), r.GetString(9), r.Time(10));
            var state = error is not null ? ProjectionState.Poisoned : r.GetBoolean(4) ? ProjectionState.Running : ProjectionState.Stopped;
            list.Add(new ProjectionStatus(p.Name, new LogPosition(ulong.Parse(r.GetString(0)), r.GetInt64(1)), r.GetInt64(2),
                r.DoubleOrNull(3) is { } s ? Math.Max(0, s) : 0, state, error,
                r.IsDBNull(11) ? null : new LogPosition(ulong.Parse(r.GetString(11)), r.GetInt64(12))));
        }
        return list;
    }

    /// <summary>
    /// Skips one event for one projection, explicitly and on the record (projections.skipped_events, with the
    /// error it caused). If the projection is stopped at that event it goes on; a later rebuild skips it too.
    /// </summary>
    public async Task SkipAsync(string name, LogPosition position, string reason, CancellationToken ct = default)
    {
        Find(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            insert into projections.skipped_events (name, tx_id, seq, stream_id, event_type, reason, error)
            select $1, e.tx_id, e.seq, e.stream_id, e.type, $4,
                   (select err.error from projections.projection_errors err where err.name = $1 and (err.tx_id, err.seq) = (e.tx_id, e.seq))
            from cases.events e where e.tx_id = $2::text::xid8 and e.seq = $3
            on conflict do nothing
            """, conn, tx).With(Param.Text(name), Param.TxId(position), Param.Long(position.Seq), Param.Text(reason));
        if (await cmd.ExecuteNonQueryAsync(ct) == 0 && !await AlreadySkipped(conn, tx, name, position, ct))
            throw new ArgumentException($"No event at {position}.", nameof(position));
        await using var clear = new NpgsqlCommand("delete from projections.projection_errors where name = $1 and tx_id = $2::text::xid8 and seq = $3", conn, tx)
            .With(Param.Text(name), Param.TxId(position), Param.Long(position.Seq));
        await clear.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        log.Warning("Projection {Projection}: event {Position} skipped by an operator: {Reason}", name, position.ToString(), reason);
        if (wake.TryGetValue(name, out var s) && s.CurrentCount == 0)
        {
            try { s.Release(); } catch (SemaphoreFullException) { }
        }
    }

    static async Task<bool> AlreadySkipped(NpgsqlConnection conn, NpgsqlTransaction tx, string name, LogPosition position, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select exists (select 1 from projections.skipped_events where name = $1 and tx_id = $2::text::xid8 and seq = $3)", conn, tx)
            .With(Param.Text(name), Param.TxId(position), Param.Long(position.Seq));
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    IProjection Find(string name) => projections.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"No projection named '{name}'. Known: {string.Join(", ", projections.Select(p => p.Name))}.", nameof(name));
}
