using Cases.Projections.Daemon;
using Cases.Projections.PublicCases;
using Cases.Projections.Queues;
using Cases.Projections.Statistics;
using Cases.Sla;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace Cases.Projections;

/// <summary>
/// Every read model, in one visible list (no scanning): adding a read model is a line here. <see cref="Register"/>
/// puts them in Marten as async projections, run by its daemon, with DESIGN 5's rules for gaps and poison events.
/// </summary>
public static class ProjectionCatalog
{
    /// <param name="calendar">The working-time calendar the statistics measure durations with (the province's standard
    /// week and the calendar versions in force, asked per batch so an imported version is used from then on).</param>
    public static IReadOnlyList<IReadModel> All(Func<WorkingCalendar> calendar) =>
    [
        new PublicCasesProjection(),
        new SlaProjection(calendar),
        new AgencyQueuesProjection(),
    ];

    public static IReadOnlyList<IReadModel> All(WorkingCalendar calendar) => All(() => calendar);

    /// <summary>The read side in Marten: <see cref="All"/>, each an async projection named as its read model.</summary>
    /// <param name="db">Where the read models read the rows a batch touches (committed rows, outside the batch's transaction).</param>
    public static void Register(StoreOptions opts, Func<WorkingCalendar> calendar, NpgsqlDataSource db) =>
        Register(opts, All(calendar), db);

    public static void Register(StoreOptions opts, WorkingCalendar calendar, NpgsqlDataSource db) =>
        Register(opts, All(calendar), db);

    /// <summary>Registers <paramref name="models"/> as async projections (shards <c>{Name}:All</c>).</summary>
    /// <param name="configure">Per-projection daemon settings, e.g. <c>BatchSize</c>; Marten's defaults otherwise.</param>
    public static void Register(StoreOptions opts, IReadOnlyList<IReadModel> models, NpgsqlDataSource db, Action<AsyncOptions>? configure = null)
    {
        if (models.Select(m => m.Name).Distinct().Count() != models.Count)
            throw new ArgumentException("Projection names must be unique.", nameof(models));
        foreach (var model in models)
            opts.Projections.Add(new LiveProjection(model, db), ProjectionLifecycle.Async, model.Name, configure);

        var projections = opts.Projections;
        // No event skipped (DESIGN 5): hold the high-water mark at a gap while a transaction that may still fill it
        // is alive, however long it takes (the lag shows it). These are Marten's defaults, stated so they stay.
        projections.UseTransactionEvidenceForGapSkipping = true;
        projections.SkipStaleGapsDespiteLiveTransactionsAfter = null;
        // Poison events: a continuous run skips the event and records it in mt_doc_deadletterevent (health counts
        // them); an event whose data cannot be read is a poison event too. An alias this build does not know is
        // an error, never skipped (DESIGN 3): the shard stops there until a build that knows it runs.
        projections.Errors.SkipApplyErrors = true;
        projections.Errors.SkipSerializationErrors = true;
        projections.Errors.SkipUnknownEvents = false;
        // Marten's own rebuilds are not used (ProjectionRebuild swaps shadow tables instead); if one is run, it skips nothing.
        projections.RebuildErrors.SkipApplyErrors = false;
        projections.RebuildErrors.SkipSerializationErrors = false;
        projections.RebuildErrors.SkipUnknownEvents = false;
    }
}
