namespace Cases.Projections.Daemon;

/// <summary>
/// A read model kept by the daemon (DESIGN 5). It applies a batch of the commit-ordered log with its own SQL on
/// the connection and transaction it is given; the daemon advances the checkpoint in the same transaction, so
/// the batch is applied exactly once. A projection never commits, never opens its own connection, never reads
/// the clock: the same events must always give the same rows, so a rebuild equals the live view.
/// </summary>
public interface IProjection
{
    /// <summary>The checkpoint's name, stable forever (renaming it means a full rebuild).</summary>
    string Name { get; }

    /// <summary>The tables in schema <c>projections</c> this projection alone writes, unqualified. A rebuild builds copies of them.</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>
    /// Applies the events, in order, to the tables named by <see cref="ProjectionBatch.Tables"/>. An exception
    /// other than a transient database error marks the batch as holding a poison event.
    /// </summary>
    Task ApplyAsync(ProjectionBatch batch, CancellationToken ct);
}
