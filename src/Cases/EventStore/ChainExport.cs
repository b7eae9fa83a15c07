using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Cases.EventStore;

/// <summary>
/// A case's history as one JSON document an auditor can keep and check offline (issue 20): every event as stored,
/// with the exact text PostgreSQL prints for its jsonb data (what the chain hashed), its metadata and headers, its
/// prev_hash and hash, and, for reading, the same data as JSON. <see cref="Verify"/> recomputes the chain from the file
/// alone with <see cref="EventChain"/>, so a changed byte, a removed event or a cut tail is found without the database
/// (<c>audit verify --file</c>).
/// </summary>
public static class ChainExport
{
    public const string Format = "cases-history/1";

    static readonly JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        // Vietnamese stays Vietnamese in the file (no \u escapes); the file is data, never put in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<string?> ExportAsync(NpgsqlDataSource db, Guid streamId, string trackingCode, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            select s.version, e.seq_id, e.version, e.type, e.data::text, e.correlation_id, e.causation_id, e.user_name,
                   e.headers ->> 'actor_role', e.headers ->> 'actor_agency', e.headers ->> 'command', e.headers ->> 'client_ip_hash',
                   e.headers ->> 'prev_hash', e.headers ->> 'hash', e.timestamp
            from cases.mt_streams s join cases.mt_events e on e.stream_id = s.id
            where s.id = $1 order by e.version
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = streamId });
        var events = new JsonArray();
        long recorded = 0;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                recorded = r.GetInt64(0);
                events.Add(new JsonObject
                {
                    ["seq"] = r.GetInt64(1), ["version"] = r.GetInt64(2), ["type"] = r.GetString(3),
                    ["recordedAt"] = r.GetFieldValue<DateTimeOffset>(14).ToUniversalTime().ToString("O"),
                    ["correlationId"] = Text(5), ["causationId"] = Text(6), ["actorId"] = Text(7), ["actorRole"] = Text(8),
                    ["actorAgency"] = Text(9), ["command"] = Text(10), ["clientIpHash"] = Text(11),
                    ["prevHash"] = Text(12), ["hash"] = Text(13),
                    ["dataText"] = r.GetString(4),
                    ["data"] = JsonNode.Parse(r.GetString(4)),
                });
            }
        if (events.Count == 0) return null;
        var doc = new JsonObject
        {
            ["format"] = Format, ["trackingCode"] = trackingCode, ["streamId"] = streamId.ToString(), ["streamVersion"] = recorded,
            ["hashing"] = "hash = SHA-256(prev_hash || stream_id || version || type || dataText || metadata), see EventChain; dataText is verbatim",
            ["events"] = events,
        };
        return doc.ToJsonString(Readable);
    }

    /// <summary>Recomputes the chain of an exported history; a file that is not one is a FormatException.</summary>
    public static ChainReport Verify(string json)
    {
        JsonObject doc;
        try { doc = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("not a JSON object"); }
        catch (JsonException e) { throw new FormatException($"not JSON: {e.Message}", e); }
        if ((string?)doc["format"] != Format) throw new FormatException($"not a {Format} file");
        var streamId = Guid.Parse((string)doc["streamId"]!);
        var walk = new ChainWalk();
        walk.Stream(streamId, (long)doc["streamVersion"]!);
        foreach (var e in doc["events"]!.AsArray())
        {
            string? S(string name) => e![name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            walk.Event(new ChainRow((long)e!["seq"]!, (long)e["version"]!, (string)e["type"]!, S("dataText") ?? "",
                S("correlationId"), S("causationId"), S("actorId"), S("actorRole"), S("actorAgency"), S("command"), S("clientIpHash"),
                S("prevHash"), S("hash")));
        }
        return walk.Finish();
    }
}
