using Cases.EventStore;

namespace Cases.Projections.Daemon;

/// <summary>A rebuild met an event the projection cannot apply. Skip it (<see cref="ProjectionDaemon.SkipAsync"/>) and resume the rebuild.</summary>
public sealed class ProjectionPoisonedException(string projection, StoredEvent e, Exception inner)
    : Exception($"Projection {projection} cannot apply event {e.Position} ({e.Type} v{e.Version}) of case {e.StreamId}: {inner.Message}", inner)
{
    public string Projection { get; } = projection;
    public LogPosition Position { get; } = e.Position;
    public Guid StreamId { get; } = e.StreamId;
}
