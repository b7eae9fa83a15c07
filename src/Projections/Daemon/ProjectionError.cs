using Cases.EventStore;

namespace Cases.Projections.Daemon;

/// <summary>The poison event a projection stopped at, and why.</summary>
public sealed record ProjectionError(LogPosition Position, Guid StreamId, string EventType, string Message, NodaTime.Instant FailedAt);
