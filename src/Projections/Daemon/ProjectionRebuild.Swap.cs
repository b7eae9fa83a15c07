using Cases.EventStore;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Services;
using Npgsql;

namespace Cases.Projections.Daemon;

// The shadow tables' life: created empty and lean, finished with the live tables' indexes, swapped in.
public sealed partial class ProjectionRebuild
{
    /// <summary>
    /// The shadow tables, created afresh LIKE the live ones. They are UNLOGGED, and only the indexes that keep
    /// rows unique (the upserts need them) are built while filling: no WAL for each row version and no index
    /// entry for each update, which is most of a rebuild's write cost. <see cref="FinishShadowAsync"/> makes them
    /// logged and builds the other indexes at the end.
    /// </summary>
    async Task CreateShadowAsync(IReadModel model, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var table in model.Tables)
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
        await tx.CommitAsync(ct);
    }

    /// <summary>The shadow tables made logged, with the live tables' other indexes, before the swap (outside its lock).</summary>
    async Task FinishShadowAsync(IReadModel model, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        foreach (var table in model.Tables)
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
    /// In one transaction, holding the projection's swap lock exclusively (every live batch takes it shared before
    /// its first write, so no live batch is writing now, and none can start until this commits): catch the
    /// shadow up to the live shard's committed position, rename live to old and shadow to live, drop old, and
    /// clear the projection's dead letters up to there (the new view applied every one of those events). The
    /// shard's progress is not touched: the new tables are exactly the view at that position, so the daemon's
    /// next batch, even one that read its rows from the old tables just before, applies to them as it would
    /// have to the old ones. Queries running on the old tables finish first (the renames wait for them); later
    /// ones see the new tables. Returns the position and the events applied while catching up.
    /// </summary>
    async Task<(long Position, long CaughtUp)> SwapAsync(IReadModel model, string shard, long position, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var exclusive = new NpgsqlCommand("select pg_advisory_xact_lock($1)", conn, tx).With(Param.Long(LockKeys.Swap(model.Name))))
            await exclusive.ExecuteNonQueryAsync(ct);
        long live;
        await using (var read = new NpgsqlCommand($"select coalesce((select last_seq_id from {Progression} where name = $1), 0)", conn, tx)
            .With(Param.Text(shard)))
            live = (long)(await read.ExecuteScalarAsync(ct))!;
        if (position > live)
            throw new InvalidOperationException(
                $"The live shard {shard} is at {live}, behind the rebuild's {position}: its progress was moved back meanwhile. Rebuild again.");

        long caughtUp = 0;
        while (position < live && await ReadAsync(position, live, ct) is { Count: > 0 } events)
        {
            await ApplyAsync(model, conn, tx, events, ct);
            (position, caughtUp) = (events[^1].Sequence, caughtUp + events.Count);
        }

        foreach (var table in model.Tables)
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

        await using (var session = store.LightweightSession(SessionOptions.ForTransaction(tx)))
        {
            session.DeleteWhere<DeadLetterEvent>(d => d.ProjectionName == model.Name && d.EventSequence <= live);
            await session.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return (live, caughtUp);
    }
}
