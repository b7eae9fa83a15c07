using Cases.EventStore;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace Cases.Projections.Daemon;

/// <summary>
/// A read model as a Marten projection (DESIGN 5), run by the async daemon: Marten hands it a range of events
/// and commits whatever it queues on <c>operations</c> in the transaction that moves the shard's progress in
/// <c>mt_event_progression</c>, so each event is applied exactly once. Marten's shard is <c>{Name}:All</c>.
/// <para>
/// The daemon processes one shard's ranges one after the other, each committed before the next is built
/// (JasperFx's <c>ProjectionExecution</c> runs them through a single-reader block), so the rows read here,
/// committed and outside the batch's transaction, are the rows as of the range's start.
/// </para>
/// </summary>
internal sealed class LiveProjection(IReadModel model, NpgsqlDataSource db) : Marten.Events.Projections.IProjection
{
    public IReadModel Model => model;

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        // Marten queues the progress update first, then this, then the writes. Held shared until the commit, so a
        // rebuild's swap, which takes it exclusively, never runs while this batch writes: its writes land all on the
        // old tables or all on the new ones, and rows it read from the old ones are the same on the new ones (both
        // hold the view at the shard's position).
        operations.QueueSqlCommand("select pg_advisory_xact_lock_shared(?)", LockKeys.Swap(model.Name));
        var stored = new List<StoredEvent>(events.Count);
        foreach (var e in events)
        {
            if (EventTypes.IsMartenTombstone(e)) continue; // Marten's sequence-gap bookkeeping, no case's event
            try
            {
                stored.Add(StoredEvent.From(e));
            }
            catch (Exception x)
            {
                // An alias this build does not know, or data that is not a case event: this event's fault.
                throw new ApplyEventException(e, x);
            }
        }
        var batch = new LiveBatch(db, operations, events, stored, ProjectionTables.Live);
        await model.ApplyAsync(batch, ct);
        // NOTIFY inside the batch's transaction is delivered when, and only if, it commits (PostgreSQL docs, NOTIFY):
        // a subscriber never hears of a view the read side does not have yet, on any node.
        foreach (var payload in Live.ProjectionChanges.Payloads(model.Name, batch.Announced))
            operations.QueueSqlCommand("select pg_notify(?, ?)", Live.ProjectionChanges.Channel, payload);
    }

    /// <summary>Reads on pooled connections (committed rows); writes queued on Marten's unit of work.</summary>
    sealed class LiveBatch(
        NpgsqlDataSource db, IDocumentOperations operations, IReadOnlyList<IEvent> raw, IReadOnlyList<StoredEvent> events, ProjectionTables tables)
        : ProjectionBatch(events, tables)
    {
        public override NpgsqlCommand Command(string sql) => db.CreateCommand(sql);

        public override void Write(NpgsqlBatchCommand command) => operations.QueueOperation(new SqlOperation(command));

        public HashSet<string> Announced { get; } = [];

        public override void Announce(string key) => Announced.Add(key);

        // Marten's daemon skips the event this names (SkipApplyErrors), records it in its dead-letter storage
        // and applies the rest of the range again without it.
        protected override Exception Poisoned(StoredEvent e, Exception inner) =>
            new ApplyEventException(raw.First(r => r.Sequence == e.Seq), inner);
    }
}
