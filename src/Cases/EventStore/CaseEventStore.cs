using System.Text.Json;
using Cases.Domain;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace Cases.EventStore;

/// <summary>
/// The event store (DESIGN 3): append with an expected version in one round trip, read a stream (whole,
/// up to a version, or as of an instant), and read the commit-ordered log (DESIGN 3.1).
/// </summary>
public sealed class CaseEventStore(NpgsqlDataSource db, AppendNotifier? notifier = null)
{
    /// <summary>SQLSTATEs raised by cases.append_events (see 0001_event_store.sql).</summary>
    public const string ConflictSqlState = "CA001", StreamMissingSqlState = "CA002";

    public NpgsqlDataSource DataSource => db;

    /// <summary>Wakes the projection daemons after a commit; null where nothing listens (most tests).</summary>
    public AppendNotifier? Notifier => notifier;

    /// <summary>
    /// The append as one batch command, so a caller can send it together with other statements that must
    /// commit with it (scheduled messages, personal data) in a single round trip.
    /// </summary>
    public static NpgsqlBatchCommand AppendCommand(
        Guid streamId, long expectedVersion, IReadOnlyList<CaseEvent> events, EventMetadata metadata, string? idempotencyKey)
    {
        var first = events.Count > 0 ? events[0] as CaseEvent.CaseReceived : null;
        if (expectedVersion == 0 && first is null)
            throw new ArgumentException("A new case stream must start with CaseReceived.", nameof(events));
        var meta = JsonSerializer.Serialize(metadata, EventJson.Options);
        var cmd = new NpgsqlBatchCommand("select cases.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)first?.Kind.ToString() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)first?.TrackingCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = expectedVersion });
        cmd.Parameters.Add(new NpgsqlParameter { Value = events.Select(EventTypes.AliasOf).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = events.Select(EventJson.Serialize).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        cmd.Parameters.Add(new NpgsqlParameter { Value = events.Select(_ => meta).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        cmd.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.At.ToDateTimeUtc()).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)idempotencyKey ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return cmd;
    }

    /// <summary>Appends events and returns the stream's new version. Throws <see cref="ConcurrencyException"/> on a version mismatch.</summary>
    public async Task<long> AppendAsync(
        Guid streamId, long expectedVersion, IReadOnlyList<CaseEvent> events, EventMetadata metadata,
        string? idempotencyKey = null, CancellationToken ct = default)
    {
        long version;
        await using (var conn = await db.OpenConnectionAsync(ct))
            version = await AppendAsync(conn, streamId, expectedVersion, events, metadata, idempotencyKey, [], ct);
        notifier?.Signal();
        return version;
    }

    /// <summary>
    /// Appends on a given connection (inside its transaction, if one is open), together with
    /// <paramref name="alsoInTransaction"/>. Without an open transaction the batch is its own implicit
    /// transaction: all of it commits or none does.
    /// </summary>
    public static async Task<long> AppendAsync(
        NpgsqlConnection conn, Guid streamId, long expectedVersion, IReadOnlyList<CaseEvent> events, EventMetadata metadata,
        string? idempotencyKey, IEnumerable<NpgsqlBatchCommand> alsoInTransaction, CancellationToken ct = default)
    {
        await using var batch = new NpgsqlBatch(conn);
        batch.BatchCommands.Add(AppendCommand(streamId, expectedVersion, events, metadata, idempotencyKey));
        foreach (var c in alsoInTransaction) batch.BatchCommands.Add(c);
        try
        {
            return (long)(await batch.ExecuteScalarAsync(ct))!;
        }
        catch (PostgresException e) when (e.SqlState == ConflictSqlState)
        {
            throw new ConcurrencyException(streamId, expectedVersion, long.TryParse(e.Detail, out var v) ? v : -1);
        }
        catch (PostgresException e) when (e.SqlState == StreamMissingSqlState)
        {
            throw new ConcurrencyException(streamId, expectedVersion, 0);
        }
    }

    // tx_id is read as text under another name: an output column called tx_id would capture "order by tx_id"
    // and sort transaction ids as text ("1000" before "732").
    const string Columns = "seq, tx_id::text as tx_id_text, stream_id, version, type, data::text, metadata::text, occurred_at, recorded_at";

    /// <summary>A stream in version order, optionally only up to a version or as of an instant (by when events occurred).</summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(
        Guid streamId, long? upToVersion = null, Instant? asOf = null, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand($"""
            select {Columns} from cases.events
            where stream_id = $1 and ($2::bigint is null or version <= $2) and ($3::timestamptz is null or occurred_at <= $3)
            order by version
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)upToVersion ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)asOf?.ToDateTimeUtc() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await ReadAll(cmd, ct);
    }

    /// <summary>
    /// What a command needs before deciding, in one round trip: the first result of its idempotency key (if it
    /// was processed before) and the stream's events.
    /// </summary>
    public async Task<((Guid StreamId, long Version)? Processed, IReadOnlyList<StoredEvent> Events)> LoadForCommandAsync(
        Guid streamId, string idempotencyKey, CancellationToken ct = default)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("select stream_id, version from cases.processed_commands where key = $1")
            { Parameters = { new NpgsqlParameter { Value = idempotencyKey } } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"select {Columns} from cases.events where stream_id = $1 order by version")
            { Parameters = { new NpgsqlParameter { Value = streamId } } });
        await using var r = await batch.ExecuteReaderAsync(ct);
        (Guid, long)? processed = await r.ReadAsync(ct) ? (r.GetGuid(0), r.GetInt64(1)) : null;
        await r.NextResultAsync(ct);
        return (processed, await ReadRows(r, ct));
    }

    /// <summary>The id of the stream with this tracking code, if any.</summary>
    public async Task<Guid?> FindByTrackingCodeAsync(string trackingCode, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("select id from cases.streams where tracking_code = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = trackingCode });
        return await cmd.ExecuteScalarAsync(ct) is Guid id ? id : null;
    }

    /// <summary>
    /// The next events of the commit-ordered log after <paramref name="after"/>: only events of transactions
    /// that have finished (tx_id below the oldest still running), ordered by (tx_id, seq). Any transaction that
    /// can still commit has a larger tx_id than all that this returns, so nothing can ever appear behind a
    /// checkpoint taken from it (DESIGN 3.1).
    /// </summary>
    public static async Task<IReadOnlyList<StoredEvent>> ReadLogAsync(NpgsqlConnection conn, LogPosition after, int limit, CancellationToken ct = default)
    {
        await using var cmd = new NpgsqlCommand($"""
            select {Columns} from cases.events
            where (events.tx_id, seq) > ($1::text::xid8, $2) and events.tx_id < pg_snapshot_xmin(pg_current_snapshot())
            order by events.tx_id, seq
            limit $3
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = after.TxId.ToString() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = after.Seq });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAll(cmd, ct);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadLogAsync(LogPosition after, int limit, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await ReadLogAsync(conn, after, limit, ct);
    }

    /// <summary>The first result of an already processed command: its stream and the version it left.</summary>
    public async Task<(Guid StreamId, long Version)?> FindProcessedAsync(string idempotencyKey, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("select stream_id, version from cases.processed_commands where key = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = idempotencyKey });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetGuid(0), r.GetInt64(1)) : null;
    }

    static async Task<IReadOnlyList<StoredEvent>> ReadAll(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await ReadRows(r, ct);
    }

    static async Task<IReadOnlyList<StoredEvent>> ReadRows(NpgsqlDataReader r, CancellationToken ct)
    {
        var list = new List<StoredEvent>();
        while (await r.ReadAsync(ct))
        {
            var type = r.GetString(4);
            list.Add(new StoredEvent(
                new LogPosition(ulong.Parse(r.GetString(1)), r.GetInt64(0)),
                r.GetGuid(2), r.GetInt64(3), type,
                EventJson.Deserialize(type, r.GetString(5)),
                JsonSerializer.Deserialize<EventMetadata>(r.GetString(6), EventJson.Options)!,
                Instant.FromDateTimeUtc(r.GetDateTime(7)), Instant.FromDateTimeUtc(r.GetDateTime(8))));
        }
        return list;
    }
}
