using Cases.EventStore;
using Npgsql;

namespace Cases.Projections.Daemon;

/// <summary>
/// projections.checkpoints (DESIGN 5): where each projection, or a rebuild in progress, stands in the log.
/// An advance is conditional on the old position, so two writers can never both move it from the same place.
/// </summary>
internal static class Checkpoints
{
    public static string RebuildName(string projection) => projection + "#rebuild";

    public static async Task EnsureAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string name, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into projections.checkpoints (name, tx_id, seq) values ($1, '0'::xid8, 0)
            on conflict (name) do nothing
            """, conn, tx).With(Param.Text(name));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task<LogPosition?> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string name, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("select tx_id::text, seq from projections.checkpoints where name = $1", conn, tx)
            .With(Param.Text(name));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new LogPosition(ulong.Parse(r.GetString(0)), r.GetInt64(1)) : null;
    }

    /// <summary>Moves the checkpoint from <paramref name="from"/> to <paramref name="to"/>; false if it was no longer at <paramref name="from"/>.</summary>
    public static async Task<bool> AdvanceAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string name, LogPosition from, LogPosition to, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            update projections.checkpoints set tx_id = $2::text::xid8, seq = $3, updated_at = now()
            where name = $1 and (tx_id, seq) = ($4::text::xid8, $5)
            """, conn, tx).With(Param.Text(name), Param.TxId(to), Param.Long(to.Seq), Param.TxId(from), Param.Long(from.Seq));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Sets the checkpoint outright (creating it if needed): only the rebuild's swap does this, holding the swap lock.</summary>
    public static async Task SetAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string name, LogPosition to, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            insert into projections.checkpoints (name, tx_id, seq) values ($1, $2::text::xid8, $3)
            on conflict (name) do update set tx_id = excluded.tx_id, seq = excluded.seq, updated_at = now()
            """, conn, tx).With(Param.Text(name), Param.TxId(to), Param.Long(to.Seq));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static async Task DeleteAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string name, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("delete from projections.checkpoints where name = $1", conn, tx).With(Param.Text(name));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The positions an operator skipped for this projection in (after, upTo].</summary>
    public static async Task<HashSet<LogPosition>> SkippedAsync(
        NpgsqlConnection conn, NpgsqlTransaction tx, string projection, LogPosition after, LogPosition upTo, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select tx_id::text, seq from projections.skipped_events
            where name = $1 and (tx_id, seq) > ($2::text::xid8, $3) and (tx_id, seq) <= ($4::text::xid8, $5)
            """, conn, tx).With(Param.Text(projection), Param.TxId(after), Param.Long(after.Seq), Param.TxId(upTo), Param.Long(upTo.Seq));
        var set = new HashSet<LogPosition>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) set.Add(new LogPosition(ulong.Parse(r.GetString(0)), r.GetInt64(1)));
        return set;
    }
}
