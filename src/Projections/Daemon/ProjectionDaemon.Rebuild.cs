using Cases.EventStore;
using System.Threading.Channels;
using Npgsql;

namespace Cases.Projections.Daemon;

// Rebuild (DESIGN 5): fill shadow tables from the start of the log, then swap them in in one transaction.
public sealed partial class ProjectionDaemon
{
    /// <summary>
    /// Rebuilds a projection into shadow tables (<c>projections.&lt;table&gt;__rebuild</c>, created LIKE the live
    /// ones with their indexes) from the start of the log, then swaps them in, in one transaction, so queries see
    /// the old complete view until the new complete one replaces it. Progress is a checkpoint named
    /// <c>&lt;name&gt;#rebuild</c>: a rebuild that was interrupted resumes where it stopped. Runs beside the live
    /// loop (on any node); the swap takes the projection's swap lock, which each live batch holds shared.
    /// </summary>
    /// <exception cref="ProjectionPoisonedException">An event cannot be applied; skip it and call again to resume.</exception>
    public async Task RebuildAsync(string name, Action<RebuildProgress>? progress = null, CancellationToken ct = default)
    {
        var p = Find(name);
        var checkpoint = Checkpoints.RebuildName(name);
        await using var guard = await db.OpenConnectionAsync(ct);
        await using (var take = new NpgsqlCommand("select pg_try_advisory_lock($1)", guard).With(Param.Long(LockKeys.Rebuild(name))))
            if (!(bool)(await take.ExecuteScalarAsync(ct))!)
                throw new InvalidOperationException($"A rebuild of {name} is already running.");
        try
        {
            await PrepareShadowAsync(p, checkpoint, ct);
            LogPosition position;
            long applied = 0, total;
            await using (var conn = await db.OpenConnectionAsync(ct))
            {
                position = await Checkpoints.ReadAsync(conn, null, checkpoint, ct) ?? LogPosition.Start;
                await using var count = new NpgsqlCommand("select count(*) from cases.events where (tx_id, seq) > ($1::text::xid8, $2)", conn)
                    .With(Param.TxId(position), Param.Long(position.Seq));
                total = (long)(await count.ExecuteScalarAsync(ct))!;
            }
            log.Information("Rebuilding projection {Projection} from {Position}: about {Total} events", name, position.ToString(), total);
            while (await ApplyReadAheadAsync(p, checkpoint, position, batch =>
                   {
                       applied += batch.Count;
                       progress?.Invoke(new RebuildProgress(name, applied, Math.Max(total, applied), batch[^1].Position, false));
                   }, ct) is { } stoppedAt)
            {
                // A batch did not apply as read: find out why one batch at a time (a poison event throws here).
                var result = await ApplyNextAsync(p, ProjectionTables.Rebuild, checkpoint, options.RebuildBatchSize, ct);
                if (result == BatchResult.Empty) break;
                await using var conn = await db.OpenConnectionAsync(ct);
                position = await Checkpoints.ReadAsync(conn, null, checkpoint, ct) ?? stoppedAt;
            }
            await FinishShadowAsync(p, ct);
            position = await SwapAsync(p, checkpoint, ct);
            log.Information("Projection {Projection} rebuilt and swapped in at {Position}", name, position.ToString());
            progress?.Invoke(new RebuildProgress(name, applied, Math.Max(total, applied), position, true));
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock($1)", guard).With(Param.Long(LockKeys.Rebuild(name)));
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Fills the shadow tables from <paramref name="from"/> to the end of the log, reading the next batch on its
    /// own connection while the current one is applied (reading and applying each take about half the time).
    /// Returns null at the end of the log, or the checkpoint's position when a batch could not be applied as
    /// read (a conflict or a failure), for the caller to go on one batch at a time.
    /// </summary>
    async Task<LogPosition?> ApplyReadAheadAsync(IProjection p, string checkpoint, LogPosition from, Action<IReadOnlyList<StoredEvent>> applied, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var batches = Channel.CreateBounded<(LogPosition From, IReadOnlyList<StoredEvent> Events)>(1);
        var reader = Task.Run(async () =>
        {
            try
            {
                await using var conn = await db.OpenConnectionAsync(stop.Token);
                for (var position = from; ;)
                {
                    var events = await CaseEventStore.ReadLogAsync(conn, position, options.RebuildBatchSize, stop.Token);
                    if (events.Count == 0) break;
                    await batches.Writer.WriteAsync((position, events), stop.Token);
                    position = events[^1].Position;
                }
                batches.Writer.Complete();
            }
            catch (Exception e)
            {
                batches.Writer.Complete(e);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var (start, events) in batches.Reader.ReadAllAsync(ct))
            {
                await using var conn = await db.OpenConnectionAsync(ct);
                await using var tx = await conn.BeginTransactionAsync(ct);
                BatchResult result;
                try
                {
                    result = await ApplyReadAsync(conn, tx, p, ProjectionTables.Rebuild, checkpoint, start, events, ct);
                }
                catch (ApplyFailedException)
                {
                    return start;
                }
                if (result != BatchResult.Applied) return start;
                await tx.CommitAsync(ct);
                applied(events);
            }
            return null;
        }
        finally
        {
            await stop.CancelAsync();
            try { await reader; } catch (OperationCanceledException) { }
        }
    }

    /// <summary>
    /// Resumes when the rebuild checkpoint and every shadow table exist and the server has not restarted since the
    /// last batch; otherwise starts afresh. The shadow tables are UNLOGGED, and only the indexes that keep rows
    /// unique (the upserts need them) are built while filling: no WAL for each row version and no index entry for
    /// each update, which is most of a rebuild's write cost. <see cref="FinishShadowAsync"/> makes them logged and
    /// builds the other indexes at the end. A crash empties unlogged tables, hence the restart check.
    /// </summary>
    async Task PrepareShadowAsync(IProjection p, string checkpoint, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var shadows = p.Tables.Select(t => t + ProjectionTables.RebuildSuffix).ToArray();
        await using (var check = new NpgsqlCommand("""
            select (select count(*) from pg_tables where schemaname = 'projections' and tablename = any($1)) = cardinality($1)
               and exists (select 1 from projections.checkpoints where name = $2 and updated_at > pg_postmaster_start_time())
            """, conn, tx).With(Param.TextArray(shadows), Param.Text(checkpoint)))
            if ((bool)(await check.ExecuteScalarAsync(ct))!) return;

        foreach (var table in p.Tables)
        {
            await using var create = new NpgsqlCommand($"""
                drop table if exists {ProjectionTables.Rebuild[table]};
                create unlogged table {ProjectionTables.Rebuild[table]} (like {ProjectionTables.Live[table]} including all);
                """, conn, tx);
            await create.ExecuteNonQueryAsync(ct);
            foreach (var (index, _) in await SecondaryIndexesAsync(conn, tx, ProjectionTables.Rebuild[table], ct))
            {
                await using var drop = new NpgsqlCommand($"drop index projections.\"{index}\"", conn, tx);
                await drop.ExecuteNonQueryAsync(ct);
            }
        }
        await Checkpoints.SetAsync(conn, tx, checkpoint, LogPosition.Start, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The shadow tables made logged, with the live tables' other indexes, before the swap (outside its lock).</summary>
    async Task FinishShadowAsync(IProjection p, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        foreach (var table in p.Tables)
        {
            var (live, shadow) = (ProjectionTables.Live[table], ProjectionTables.Rebuild[table]);
            await using (var logged = new NpgsqlCommand($"alter table {shadow} set logged", conn) { CommandTimeout = 0 })
                await logged.ExecuteNonQueryAsync(ct);
            foreach (var (index, definition) in await SecondaryIndexesAsync(conn, null, live, ct))
            {
                // The swap renames the shadow's indexes by dropping the suffix, so this one takes the live one's name.
                var name = index[..Math.Min(index.Length, 63 - ProjectionTables.RebuildSuffix.Length)] + ProjectionTables.RebuildSuffix;
                var prefix = $"CREATE INDEX {index} ON {live} ";
                if (!definition.StartsWith(prefix, StringComparison.Ordinal))
                    throw new InvalidOperationException($"Unexpected index definition: {definition}");
                await using var create = new NpgsqlCommand($"CREATE INDEX IF NOT EXISTS \"{name}\" ON {shadow} {definition[prefix.Length..]}", conn)
                    { CommandTimeout = 0 };
                await create.ExecuteNonQueryAsync(ct);
            }
        }
    }

    /// <summary>A table's indexes that do not enforce uniqueness, with their definitions (pg_get_indexdef).</summary>
    static async Task<List<(string Name, string Definition)>> SecondaryIndexesAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select c.relname, pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
            where i.indrelid = $1::regclass and not i.indisunique order by c.relname
            """, conn, tx).With(Param.Text(table));
        var list = new List<(string, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }

    /// <summary>
    /// Under the exclusive swap lock (no live batch in flight, none starting): apply what the shadow still lacks,
    /// rename live to old and shadow to live, drop old, and give the live checkpoint the rebuild's position.
    /// Queries running on the old tables finish first (the renames wait for them); later ones see the new tables.
    /// </summary>
    async Task<LogPosition> SwapAsync(IProjection p, string checkpoint, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var exclusive = new NpgsqlCommand("select pg_advisory_xact_lock($1)", conn, tx).With(Param.Long(LockKeys.Swap(p.Name))))
            await exclusive.ExecuteNonQueryAsync(ct);
        // The live loop may have moved past the shadow meanwhile; everything up to its checkpoint is committed,
        // so this catches up at least that far.
        try
        {
            while (await ApplyAsync(conn, tx, p, ProjectionTables.Rebuild, checkpoint, options.RebuildBatchSize, ct) == BatchResult.Applied) { }
        }
        catch (ApplyFailedException e)
        {
            throw new ProjectionPoisonedException(p.Name, e.Event, e.InnerException!);
        }
        var position = await Checkpoints.ReadAsync(conn, tx, checkpoint, ct) ?? LogPosition.Start;

        foreach (var table in p.Tables)
        {
            await using var swap = new NpgsqlCommand($"""
                alter table {ProjectionTables.Live[table]} rename to {table}__old;
                alter table {ProjectionTables.Rebuild[table]} rename to {table};
                drop table projections.{table}__old;
                """, conn, tx);
            await swap.ExecuteNonQueryAsync(ct);
            // LIKE named the shadow's indexes after the shadow table; give them the live table's name again so the
            // next rebuild's copies do not collide with them.
            var renames = new List<string>();
            await using (var indexes = new NpgsqlCommand("select indexname from pg_indexes where schemaname = 'projections' and tablename = $1 and strpos(indexname, $2) > 0", conn, tx)
                .With(Param.Text(table), Param.Text(ProjectionTables.RebuildSuffix)))
            await using (var r = await indexes.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) renames.Add(r.GetString(0));
            foreach (var index in renames)
            {
                await using var rename = new NpgsqlCommand(
                    $"alter index projections.\"{index}\" rename to \"{index.Replace(ProjectionTables.RebuildSuffix, "", StringComparison.Ordinal)}\"", conn, tx);
                await rename.ExecuteNonQueryAsync(ct);
            }
        }
        await Checkpoints.SetAsync(conn, tx, p.Name, position, ct);
        await Checkpoints.DeleteAsync(conn, tx, checkpoint, ct);
        // The new view got past whatever stopped the old one (the rebuild would have thrown otherwise).
        await using (var clear = new NpgsqlCommand("delete from projections.projection_errors where name = $1", conn, tx).With(Param.Text(p.Name)))
            await clear.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return position;
    }
}
