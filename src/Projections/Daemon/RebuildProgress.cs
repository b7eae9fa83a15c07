namespace Cases.Projections.Daemon;

/// <summary>
/// How far a rebuild is: events applied to the shadow tables so far, how many it expects to apply (an estimate
/// taken at the start: the store grows meanwhile, so <c>Total</c> never reads below <c>Applied</c>), the
/// <c>mt_events.seq_id</c> the shadow has reached, and whether it has been swapped in (the last report).
/// </summary>
public sealed record RebuildProgress(string Projection, long Applied, long Total, long Position, bool Swapped);
