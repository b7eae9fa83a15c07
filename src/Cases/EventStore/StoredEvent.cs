using Cases.Domain;
using NodaTime;

namespace Cases.EventStore;

/// <summary>A place in the commit-ordered log (DESIGN 3.1): the writing transaction's id, then the sequence number.</summary>
public readonly record struct LogPosition(ulong TxId, long Seq) : IComparable<LogPosition>
{
    public static readonly LogPosition Start = new(0, 0);
    public int CompareTo(LogPosition other) => (TxId, Seq).CompareTo((other.TxId, other.Seq));
    public override string ToString() => $"{TxId}/{Seq}";
}

/// <summary>Who did it and why, stored beside each event. Never the reporter's personal data.</summary>
public sealed record EventMetadata(
    string CorrelationId, string? CausationId, string ActorId, Role ActorRole, string? ActorAgency, string Command,
    string? ClientIpHash = null);

public sealed record StoredEvent(
    LogPosition Position, Guid StreamId, long Version, string Type, CaseEvent Event, EventMetadata Metadata,
    Instant OccurredAt, Instant RecordedAt);

/// <summary>The stream changed since it was read: another writer appended first.</summary>
public sealed class ConcurrencyException(Guid streamId, long expected, long actual)
    : Exception($"Stream {streamId}: expected version {expected}, found {actual}.")
{
    public Guid StreamId { get; } = streamId;
    public long Expected { get; } = expected;
    public long Actual { get; } = actual;
}
