using System.Text.Json;
using Cases.Domain;
using Cases.Workflow;
using Npgsql;
using NpgsqlTypes;

namespace Cases.EventStore;

/// <summary>One whole case for <see cref="BulkImport"/>: its events from <c>CaseReceived</c> on, each with its metadata.</summary>
public sealed record ImportedCase(Guid Id, IReadOnlyList<CaseEvent> Events, IReadOnlyList<EventMetadata> Metadata, ReporterContact? Reporter = null)
{
    public CaseEvent.CaseReceived Received => Events.Count > 0 && Events[0] is CaseEvent.CaseReceived r
        ? r : throw new ArgumentException($"Case {Id}: an imported case must start with CaseReceived.");
}

public sealed record ImportReport(long Cases, long Events);

/// <summary>
/// Writes whole new cases with binary <c>COPY</c> (DESIGN 11, bulk import): history brought over from another
/// system, or a large demo data set. The hash chain is computed here, over the text jsonb will print
/// (<see cref="JsonbText"/>), so what is stored verifies exactly as appended events do. Everything goes in one
/// transaction: on any error (an id or tracking code that exists, a lost connection) nothing is written. The
/// cases are not checked against the decider: the caller brings histories that the decider produced.
/// Not written: idempotency keys, citizen secrets and deadline messages (imported cases have no pending clock
/// reminders; the scheduler does not know them).
/// </summary>
public static class BulkImport
{
    /// <summary>Cases prepared (JSON, hashes) ahead of the COPY, on other threads, while the previous chunk is copied.</summary>
    const int ChunkSize = 2_000;

    public static async Task<ImportReport> ImportAsync(
        NpgsqlDataSource db, IEnumerable<ImportedCase> cases, IProgress<ImportReport>? progress = null, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        long caseCount = 0, eventCount = 0;
        using var chunks = cases.Chunk(ChunkSize).GetEnumerator();
        Task<CaseRows[]>? PrepareNext()
        {
            if (!chunks.MoveNext()) return null;
            var chunk = chunks.Current;
            return Task.Run(() => Prepare(chunk), ct);
        }
        var next = PrepareNext();
        while (next is not null)
        {
            var rows = await next;
            next = PrepareNext();
            await CopyAsync(conn, rows, ct);
            caseCount += rows.Length;
            eventCount += rows.Sum(r => r.Events.Length);
            progress?.Report(new ImportReport(caseCount, eventCount));
        }
        await tx.CommitAsync(ct);
        await using (var wake = new NpgsqlCommand($"notify {AppendNotifier.Channel}", conn)) await wake.ExecuteNonQueryAsync(ct);
        return new ImportReport(caseCount, eventCount);
    }

    sealed record EventRow(long Version, string Type, string Data, string Metadata, DateTime OccurredAt, byte[]? PrevHash, byte[] Hash);

    sealed record CaseRows(ImportedCase Case, CaseEvent.CaseReceived Received, EventRow[] Events, Guid? ReporterRef);

    static CaseRows[] Prepare(ImportedCase[] chunk)
    {
        var rows = new CaseRows[chunk.Length];
        try
        {
            Parallel.For(0, chunk.Length, i => rows[i] = Prepare(chunk[i]));
        }
        catch (AggregateException e)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]); // the caller's error, not the loop's
        }
        return rows;
    }

    static CaseRows Prepare(ImportedCase c)
    {
        var received = c.Received;
        if (c.Metadata.Count != c.Events.Count) throw new ArgumentException($"Case {c.Id}: one metadata per event.");
        if (c.Reporter is not null && received.ReporterRef is null)
            throw new ArgumentException($"Case {c.Id}: a reporter's contact needs the ReporterRef of CaseReceived.");
        var events = new EventRow[c.Events.Count];
        byte[]? prev = null;
        for (var i = 0; i < events.Length; i++)
        {
            var e = c.Events[i];
            var type = EventTypes.AliasOf(e);
            var data = JsonbText.Of(EventJson.Serialize(e));
            var metadata = JsonbText.Of(JsonSerializer.Serialize(c.Metadata[i], EventJson.Options));
            // Microseconds, as the store keeps them: the hash must cover the instant that is read back.
            var at = NodaTime.Instant.FromUnixTimeTicks(e.At.ToUnixTimeTicks() / 10 * 10);
            var hash = ChainVerifier.Hash(prev, c.Id, i + 1, type, data, metadata, at);
            events[i] = new EventRow(i + 1, type, data, metadata, at.ToDateTimeUtc(), prev, hash);
            prev = hash;
        }
        return new CaseRows(c, received, events, c.Reporter is null ? null : received.ReporterRef);
    }

    // Streams first (events reference them), then events, then the reporters' contacts: three COPYs per chunk.
    static async Task CopyAsync(NpgsqlConnection conn, CaseRows[] rows, CancellationToken ct)
    {
        await using (var w = await conn.BeginBinaryImportAsync(
            "copy cases.streams (id, kind, tracking_code, version, created_at, updated_at) from stdin (format binary)", ct))
        {
            foreach (var r in rows)
            {
                await w.StartRowAsync(ct);
                await w.WriteAsync(r.Case.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(r.Received.Kind.ToString(), NpgsqlDbType.Text, ct);
                await w.WriteAsync(r.Received.TrackingCode, NpgsqlDbType.Text, ct);
                await w.WriteAsync((long)r.Events.Length, NpgsqlDbType.Bigint, ct);
                await w.WriteAsync(r.Events[0].OccurredAt, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(r.Events[^1].OccurredAt, NpgsqlDbType.TimestampTz, ct);
            }
            await w.CompleteAsync(ct);
        }
        await using (var w = await conn.BeginBinaryImportAsync(
            "copy cases.events (stream_id, version, type, data, metadata, occurred_at, prev_hash, hash) from stdin (format binary)", ct))
        {
            foreach (var r in rows)
                foreach (var e in r.Events)
                {
                    await w.StartRowAsync(ct);
                    await w.WriteAsync(r.Case.Id, NpgsqlDbType.Uuid, ct);
                    await w.WriteAsync(e.Version, NpgsqlDbType.Bigint, ct);
                    await w.WriteAsync(e.Type, NpgsqlDbType.Text, ct);
                    await w.WriteAsync(e.Data, NpgsqlDbType.Jsonb, ct);
                    await w.WriteAsync(e.Metadata, NpgsqlDbType.Jsonb, ct);
                    await w.WriteAsync(e.OccurredAt, NpgsqlDbType.TimestampTz, ct);
                    if (e.PrevHash is null) await w.WriteNullAsync(ct);
                    else await w.WriteAsync(e.PrevHash, NpgsqlDbType.Bytea, ct);
                    await w.WriteAsync(e.Hash, NpgsqlDbType.Bytea, ct);
                }
            await w.CompleteAsync(ct);
        }
        if (!rows.Any(r => r.ReporterRef is not null)) return;
        await using (var w = await conn.BeginBinaryImportAsync(
            "copy cases.reporters (ref, name, phone, email, address) from stdin (format binary)", ct))
        {
            foreach (var r in rows)
            {
                if (r.ReporterRef is not { } reporterRef) continue;
                var c = r.Case.Reporter!;
                await w.StartRowAsync(ct);
                await w.WriteAsync(reporterRef, NpgsqlDbType.Uuid, ct);
                foreach (var v in new[] { c.Name, c.Phone, c.Email, c.Address })
                    if (v is null) await w.WriteNullAsync(ct);
                    else await w.WriteAsync(v, NpgsqlDbType.Text, ct);
            }
            await w.CompleteAsync(ct);
        }
    }
}
