namespace Cases.Projections.Daemon;

/// <summary>
/// A rebuild met an event the read model cannot apply (or this build cannot read). Rebuilds skip nothing: the
/// shadow tables are not swapped in, and the live view stays as it was. Fix the read model and rebuild again.
/// </summary>
public sealed class ProjectionPoisonedException(string projection, long sequence, Guid streamId, string eventType, long version, Exception inner)
    : Exception($"Projection {projection} cannot apply event #{sequence} ({eventType} v{version}) of case {streamId}: {inner.Message}", inner)
{
    public string Projection { get; } = projection;

    /// <summary>The event's place in the store, <c>mt_events.seq_id</c>.</summary>
    public long Sequence { get; } = sequence;

    public Guid StreamId { get; } = streamId;

    public string EventType { get; } = eventType;
}
