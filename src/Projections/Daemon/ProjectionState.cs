namespace Cases.Projections.Daemon;

public enum ProjectionState
{
    /// <summary>A node holds the projection's runner lock and its loop is applying events.</summary>
    Running,

    /// <summary>No node runs it: no daemon is up, or it is between owners.</summary>
    Stopped,

    /// <summary>Stopped at an event it could not apply, until an operator skips it (or a fixed build applies it).</summary>
    Poisoned,
}
