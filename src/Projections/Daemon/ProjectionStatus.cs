using Cases.EventStore;

namespace Cases.Projections.Daemon;

/// <summary>
/// One projection's health (DESIGN 5): its checkpoint and how far behind the log it is. <c>LagEvents</c> counts
/// committed events after the checkpoint; <c>LagSeconds</c> is the age of the oldest of them (0 when none).
/// <c>Rebuild</c> is the checkpoint of a rebuild in progress (or interrupted, waiting to be resumed), if any.
/// </summary>
public sealed record ProjectionStatus(
    string Name, LogPosition Checkpoint, long LagEvents, double LagSeconds, ProjectionState State, ProjectionError? LastError,
    LogPosition? Rebuild = null);
