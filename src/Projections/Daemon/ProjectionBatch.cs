using Cases.EventStore;
using Npgsql;

namespace Cases.Projections.Daemon;

/// <summary>
/// What a read model applies, and where: the events, the live or shadow tables, a way to read the rows the
/// events touch and a place to put the writes. Live (<see cref="LiveProjection"/>), reads see the committed rows
/// (the daemon commits a shard's batches one after the other) and writes join the transaction that moves the
/// shard's progress; in a rebuild, both go through the rebuild's own transaction.
/// </summary>
public abstract class ProjectionBatch(IReadOnlyList<StoredEvent> events, ProjectionTables tables)
{
    public IReadOnlyList<StoredEvent> Events { get; } = events;

    public ProjectionTables Tables { get; } = tables;

    /// <summary>A command that reads the rows this batch builds on.</summary>
    public abstract NpgsqlCommand Command(string sql);

    /// <summary>Queues a write; it is applied, with the batch's others and in order, when the batch is committed.</summary>
    public abstract void Write(NpgsqlBatchCommand command);

    /// <summary>
    /// Folds each event in order. An exception is the event's fault, not the batch's: it is rethrown naming the
    /// event (<see cref="Poisoned"/>), so the daemon can dead-letter exactly that event and a rebuild can say
    /// which one stopped it.
    /// </summary>
    public void Fold(Action<StoredEvent> apply)
    {
        foreach (var e in Events)
        {
            try
            {
                apply(e);
            }
            catch (Exception x) when (x is not OperationCanceledException)
            {
                throw Poisoned(e, x);
            }
        }
    }

    /// <summary>
    /// Says that the view of <paramref name="key"/> (a tracking code, an agency, a month: the read model's own
    /// granularity) changed in this batch. Live, subscribers hear of it once the batch has committed
    /// (<see cref="Live.ProjectionChanges"/>); a rebuild announces nothing.
    /// </summary>
    public virtual void Announce(string key)
    {
    }

    /// <summary>The exception that reports <paramref name="e"/> as a poison event to whoever runs the batch.</summary>
    protected abstract Exception Poisoned(StoredEvent e, Exception inner);
}
