using Cases.EventStore;

namespace Cases.Projections.Daemon;

/// <summary>
/// How far a rebuild is: events applied in this run, events left in the log when it (re)started plus those
/// applied since (an estimate: the log grows meanwhile), the rebuild's checkpoint, and whether it was swapped in.
/// </summary>
public sealed record RebuildProgress(string Projection, long Applied, long Total, LogPosition Position, bool Swapped);
