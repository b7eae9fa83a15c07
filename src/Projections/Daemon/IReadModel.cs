namespace Cases.Projections.Daemon;

/// <summary>
/// A read model (DESIGN 5): plain tables in schema <c>projections</c> that one projection alone writes, kept from
/// the events by SQL of its own. It does not know who runs it: Marten's async daemon, through
/// <see cref="LiveProjection"/>, which commits its writes with the shard's progress; or a
/// <see cref="ProjectionRebuild"/>, which fills shadow copies of its tables. A read model never commits, never
/// opens a connection, never reads the clock: the same events must always give the same rows, so a rebuild
/// equals the live view.
/// </summary>
public interface IReadModel
{
    /// <summary>The projection's name in Marten (its shard is <c>{Name}:All</c>), stable forever: renaming it means a full rebuild.</summary>
    string Name { get; }

    /// <summary>The tables in schema <c>projections</c> this read model alone writes, unqualified. A rebuild builds copies of them.</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>
    /// Applies the events, in order, to the tables named by <see cref="ProjectionBatch.Tables"/>: reads through
    /// <see cref="ProjectionBatch.Command"/>, folds in memory inside <see cref="ProjectionBatch.Fold"/> (so a
    /// failure names its event), writes through <see cref="ProjectionBatch.Write"/>.
    /// </summary>
    Task ApplyAsync(ProjectionBatch batch, CancellationToken ct);
}
