using Npgsql;

namespace Cases.EventStore;

/// <summary>The first event at which a stream's chain breaks, and why.</summary>
public sealed record ChainBreak(Guid StreamId, long Version, long Seq, string Reason);

public sealed record ChainReport(long StreamsChecked, long EventsChecked, IReadOnlyList<ChainBreak> Breaks)
{
    public bool Valid => Breaks.Count == 0;
}

/// <summary>
/// Recomputes every event's hash (<see cref="EventChain"/>) from what Marten stored,
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
        // One pass over Marten's events in (stream, version) order, joined with the stream's recorded version.
        // data::text is what jsonb prints: the text the writer hashed (JsonbText).
        await using var cmd = db.CreateCommand("""
            select s.id, s.version, e.seq_id, e.version, e.type, e.data::text, e.correlation_id, e.causation_id, e.user_name,
                   e.headers ->> 'actor_role', e.headers ->> 'actor_agency', e.headers ->> 'command', e.headers ->> 'client_ip_hash',
                   e.headers ->> 'prev_hash', e.headers ->> 'hash'
            from cases.mt_streams s left join cases.mt_events e on e.stream_id = s.id
            where ($1::uuid is null or s.id = $1)
              -- Marten's tombstone streams (sequence-gap bookkeeping for failed units of work) hold no case's events.
              and not exists (select 1 from cases.mt_events t where t.stream_id = s.id and t.type = 'tombstone')
            order by s.id, e.version
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)streamId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        cmd.CommandTimeout = 0;

        var walk = new ChainWalk();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        Guid? current = null;
        while (await r.ReadAsync(ct))
        {
            var id = r.GetGuid(0);
            if (id != current) { walk.Stream(id, r.GetInt64(1)); current = id; }
            if (r.IsDBNull(2)) continue;
            string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            walk.Event(new ChainRow(r.GetInt64(2), r.GetInt64(3), r.GetString(4), r.GetString(5), Text(6), Text(7), Text(8), Text(9),
                Text(10), Text(11), Text(12), Text(13), Text(14)));
        }
        return walk.Finish();
    }

    /// <summary>A case's history as a JSON file <c>audit verify --file</c> checks offline (<see cref="ChainExport"/>).</summary>
    public Task<string?> ExportAsync(Guid streamId, string trackingCode, CancellationToken ct = default) =>
        ChainExport.ExportAsync(db, streamId, trackingCode, ct);
}

/// <summary>One stored event as the chain covers it: the texts as stored, the hashes as hex.</summary>
public sealed record ChainRow(
    long Seq, long Version, string Type, string Data, string? CorrelationId, string? CausationId, string? ActorId, string? ActorRole,
    string? ActorAgency, string? Command, string? ClientIpHash, string? PrevHash, string? Hash);

/// <summary>
/// The check itself, over streams given in order and their events in version order, from the database or from an
/// exported file: versions without gaps from 1, each prev_hash equal to the previous hash, each hash recomputed
/// (<see cref="EventChain"/>), and the stream's recorded version equal to its last event (a removed tail).
/// </summary>
public sealed class ChainWalk
{
    readonly List<ChainBreak> breaks = [];
    long streams, events;
    Guid? current;
    long recordedVersion, lastVersion, lastSeq;
    byte[]? lastHash;
    bool broken;

    public void Stream(Guid id, long recorded)
    {
        CloseStream();
        (current, recordedVersion, lastVersion, lastSeq, lastHash, broken) = (id, recorded, 0, 0, null, false);
        streams++;
    }

    public void Event(ChainRow e)
    {
        if (current is not { } id || broken) return;
        events++;
        var metadata = new EventMetadata(e.CorrelationId ?? "", e.CausationId, e.ActorId ?? "",
            Enum.TryParse<Domain.Role>(e.ActorRole, ignoreCase: true, out var role) ? role : Domain.Role.Public,
            e.ActorAgency, e.Command ?? "", e.ClientIpHash);
        byte[]? prev, hash;
        try { (prev, hash) = (EventChain.FromHex(e.PrevHash), EventChain.FromHex(e.Hash)); }
        catch (FormatException) { (prev, hash) = (null, null); }
        string? reason =
            e.Version != lastVersion + 1 ? $"version {e.Version} follows {lastVersion}: an event is missing"
            : hash is null ? "the event carries no hash"
            : role.ToString().ToLowerInvariant() != e.ActorRole ? "hash does not match the event's stored content (actor_role)"
            : !SameBytes(prev, lastHash) ? "prev_hash does not match the previous event's hash"
            : !hash.AsSpan().SequenceEqual(EventChain.Hash(prev, id, e.Version, e.Type, e.Data, metadata))
                ? "hash does not match the event's stored content" : null;
        if (reason is not null)
        {
            breaks.Add(new ChainBreak(id, e.Version, e.Seq, reason));
            broken = true;
        }
        (lastVersion, lastSeq, lastHash) = (e.Version, e.Seq, hash);
    }

    public ChainReport Finish()
    {
        CloseStream();
        current = null;
        return new ChainReport(streams, events, breaks);
    }

    void CloseStream()
    {
        if (current is { } id && !broken && lastVersion != recordedVersion)
            breaks.Add(new ChainBreak(id, lastVersion + 1, lastSeq, $"stream records version {recordedVersion} but its events end at {lastVersion}"));
    }

    static bool SameBytes(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);
}
