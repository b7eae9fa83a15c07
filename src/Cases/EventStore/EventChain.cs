using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Cases.Domain;
using JasperFx.Events;
using Marten;
using Marten.Events;

namespace Cases.EventStore;

/// <summary>
/// The hash chain over a stream (DESIGN 3): each event's headers carry <c>prev_hash</c> and
/// <c>hash = SHA-256(prev_hash || stream_id || version || alias || data || metadata)</c>, where data is the text
/// PostgreSQL prints for the stored jsonb (<see cref="JsonbText"/>) and metadata is every field of
/// <see cref="EventMetadata"/>. Each variable-length field is prefixed by its byte length (-1 for a missing
/// one), so no two different events share an input. The writer computes it where the stream's version is
/// fixed (the handler, under FetchForWriting's concurrency check); <see cref="ChainVerifier"/> recomputes it
/// from what is stored.
/// </summary>
public static class EventChain
{
    public static byte[] Hash(byte[]? prev, Guid streamId, long version, string alias, string jsonbData, EventMetadata m)
    {
        using var buffer = new MemoryStream(256 + jsonbData.Length);
        Span<byte> n = stackalloc byte[8];
        if (prev is not null) buffer.Write(prev);
        buffer.Write(streamId.ToByteArray(bigEndian: true));
        BinaryPrimitives.WriteInt64BigEndian(n, version);
        buffer.Write(n);
        foreach (var text in new[] { alias, jsonbData, m.CorrelationId, m.CausationId, m.ActorId, m.ActorRole.ToString().ToLowerInvariant(), m.ActorAgency, m.Command, m.ClientIpHash })
        {
            if (text is null)
            {
                BinaryPrimitives.WriteInt32BigEndian(n[..4], -1);
                buffer.Write(n[..4]);
                continue;
            }
            var bytes = Encoding.UTF8.GetBytes(text);
            BinaryPrimitives.WriteInt32BigEndian(n[..4], bytes.Length);
            buffer.Write(n[..4]);
            buffer.Write(bytes);
        }
        return SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    public static byte[]? FromHex(string? hex) => string.IsNullOrEmpty(hex) ? null : Convert.FromHexString(hex);

    /// <summary>
    /// The decider's events as Marten events, chained on from <paramref name="prev"/> at stream version
    /// <paramref name="version"/>: each with its metadata (Marten's columns and our headers) and its links. One
    /// place for the handlers and the bulk import, so what the verifier recomputes is written the same way by both.
    /// The data is hashed as jsonb will print Marten's own serialization of it.
    /// </summary>
    public static IEvent[] Link(EventGraph graph, ISerializer serializer, Guid streamId, long version, byte[]? prev,
        IReadOnlyList<CaseEvent> events, Func<int, EventMetadata> metadata)
    {
        var result = new IEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var (data, m) = (events[i], metadata(i));
            var hash = Hash(prev, streamId, version + i + 1, EventTypes.AliasOf(data), JsonbText.Of(serializer.ToJson(data)), m);
            var e = graph.BuildEvent(data);
            e.CorrelationId = m.CorrelationId;
            e.CausationId = m.CausationId;
            e.UserName = m.ActorId;
            e.SetHeader(EventHeaders.Command, m.Command);
            e.SetHeader(EventHeaders.ActorRole, m.ActorRole.ToString().ToLowerInvariant());
            if (m.ActorAgency is not null) e.SetHeader(EventHeaders.ActorAgency, m.ActorAgency);
            if (m.ClientIpHash is not null) e.SetHeader(EventHeaders.ClientIpHash, m.ClientIpHash);
            if (prev is not null) e.SetHeader(EventHeaders.PrevHash, Hex(prev));
            e.SetHeader(EventHeaders.Hash, Hex(hash));
            result[i] = e;
            prev = hash;
        }
        return result;
    }
}
