namespace Cases.Projections.Daemon;

/// <summary>How the daemon paces itself. The defaults are DESIGN 5's.</summary>
public sealed record DaemonOptions
{
    /// <summary>Events read and applied per transaction.</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>
    /// Events per transaction while rebuilding. Larger than <see cref="BatchSize"/>: nobody waits on a shadow
    /// table, and each batch writes a case's row once however many of its events it holds.
    /// </summary>
    public int RebuildBatchSize { get; init; } = 5000;

    /// <summary>
    /// How often a loop looks at the log without a notification. Notifications are the fast path; polling
    /// catches what they cannot: events held back by an older open transaction (DESIGN 3.1), a lost listener.
    /// It is also how often a standby node tries to take over a projection.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The pause after a transient database error before a loop tries again.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Test hook: runs after a batch is applied and the checkpoint advanced, before the commit, with the batch's
    /// connection. An exception thrown here is a crash: it stops the whole daemon (RunAsync faults), as if the
    /// process had died there.
    /// </summary>
    public Func<IProjection, Npgsql.NpgsqlConnection, Task>? BeforeCommit { get; init; }
}
