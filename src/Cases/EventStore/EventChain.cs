using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

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
}
