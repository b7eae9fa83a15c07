using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NodaTime;

namespace Cases.EventStore;

/// <summary>The first event at which a stream's chain breaks, and why.</summary>
public sealed record ChainBreak(Guid StreamId, long Version, long Seq, string Reason);

public sealed record ChainReport(long StreamsChecked, long EventsChecked, IReadOnlyList<ChainBreak> Breaks)
{
    public bool Valid => Breaks.Count == 0;
}

/// <summary>
/// Recomputes every event's hash from what is stored, independently of the database function that wrote it,
/// and checks the links: versions without gaps from 1, each prev_hash equal to the previous hash, and the
/// stream's recorded version equal to its last event (so a removed tail is found too). Reports the first
/// bad event of each stream.
/// </summary>
public sealed class ChainVerifier(NpgsqlDataSource db)
{
    public Task<ChainReport> VerifyStreamAsync(Guid streamId, CancellationToken ct = default) => VerifyAsync(streamId, ct);
    public Task<ChainReport> VerifyAllAsync(CancellationToken ct = default) => VerifyAsync(null, ct);

    async Task<ChainReport> VerifyAsync(Guid? streamId, CancellationToken ct)
    {
        // One pass over events in (stream, version) order, joined with the stream's recorded version.
        await using var cmd = db.CreateCommand("""
            select s.id, s.version, e.seq, e.version, e.type, e.data::text, e.metadata::text, e.occurred_at, e.prev_hash, e.hash
            from cases.streams s left join cases.events e on e.stream_id = s.id
            where $1::uuid is null or s.id = $1
            order by s.id, e.version
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)streamId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        cmd.CommandTimeout = 0;

        var breaks = new List<ChainBreak>();
        long streams = 0, events = 0;
        Guid? current = null;
        long recordedVersion = 0, lastVersion = 0, lastSeq = 0;
        byte[]? lastHash = null;
        bool broken = false;

        void CloseStream()
        {
            if (current is { } id && !broken && lastVersion != recordedVersion)
                breaks.Add(new ChainBreak(id, lastVersion + 1, lastSeq, $"stream records version {recordedVersion} but its events end at {lastVersion}"));
        }

        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var id = r.GetGuid(0);
            if (id != current)
            {
                CloseStream();
                (current, recordedVersion, lastVersion, lastSeq, lastHash, broken) = (id, r.GetInt64(1), 0, 0, null, false);
                streams++;
            }
            if (r.IsDBNull(2) || broken) continue;
            events++;
            var (seq, version, type) = (r.GetInt64(2), r.GetInt64(3), r.GetString(4));
            var occurredAt = Instant.FromDateTimeUtc(r.GetDateTime(7));
            var prev = r.IsDBNull(8) ? null : (byte[])r[8];
            var hash = (byte[])r[9];
            string? reason =
                version != lastVersion + 1 ? $"version {version} follows {lastVersion}: an event is missing"
                : !SameBytes(prev, lastHash) ? "prev_hash does not match the previous event's hash"
                : !hash.AsSpan().SequenceEqual(Hash(prev, id, version, type, r.GetString(5), r.GetString(6), occurredAt))
                    ? "hash does not match the event's stored content" : null;
            if (reason is not null)
            {
                breaks.Add(new ChainBreak(id, version, seq, reason));
                broken = true;
            }
            (lastVersion, lastSeq, lastHash) = (version, seq, hash);
        }
        CloseStream();
        return new ChainReport(streams, events, breaks);
    }

    static bool SameBytes(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    /// <summary>The byte layout of cases.event_hash, recomputed here.</summary>
    public static byte[] Hash(byte[]? prev, Guid streamId, long version, string type, string data, string metadata, Instant occurredAt)
    {
        using var buffer = new MemoryStream();
        if (prev is not null) buffer.Write(prev);
        buffer.Write(streamId.ToByteArray(bigEndian: true));
        Span<byte> n = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(n, version);
        buffer.Write(n);
        foreach (var text in new[] { type, data, metadata })
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            BinaryPrimitives.WriteInt32BigEndian(n[..4], bytes.Length);
            buffer.Write(n[..4]);
            buffer.Write(bytes);
        }
        // PostgreSQL keeps microseconds; the epoch offset in microseconds is what the SQL function hashes.
        BinaryPrimitives.WriteInt64BigEndian(n, occurredAt.ToUnixTimeTicks() / 10);
        buffer.Write(n);
        return SHA256.HashData(buffer.ToArray());
    }
}
