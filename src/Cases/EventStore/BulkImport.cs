using System.Runtime.CompilerServices;
using Cases.Domain;
using Cases.Handlers;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Internal.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cases.EventStore;

/// <summary>One whole case for <see cref="BulkImport"/>: its events from <c>CaseReceived</c> on, each with its metadata.</summary>
public sealed record ImportedCase(Guid Id, IReadOnlyList<CaseEvent> Events, IReadOnlyList<EventMetadata> Metadata, ReporterContact? Reporter = null)
{
    public CaseEvent.CaseReceived Received => Events.Count > 0 && Events[0] is CaseEvent.CaseReceived r
        ? r : throw new ArgumentException($"Case {Id}: an imported case must start with CaseReceived.");
}

public sealed record ImportReport(long Cases, long Events);

/// <summary>
/// Writes whole new cases through Marten's bulk event append (DESIGN 11, bulk import): history brought over from
/// another system, or a large demo data set. Each event carries what a handler-appended one carries (correlation
/// and causation ids, the actor as user name, the command, role, agency and client IP hash as headers, and the
/// hash chain links in <c>prev_hash</c> / <c>hash</c>, computed as <see cref="CaseHandlers"/> computes them), so
/// <see cref="ChainVerifier"/> verifies imported streams exactly as appended ones. Beside the events: a
/// <see cref="CaseIdentity"/> document per case and the reporter's contact in <c>cases.reporters</c>.
/// The cases are not checked against the decider: the caller brings histories that the decider produced.
/// Not written: idempotency keys, citizen secrets and deadline messages (imported cases have no pending clock
/// reminders; the scheduler does not know them).
/// <para>
/// Transactions. Marten's bulk append (<see cref="DocumentStore.BulkInsertEventStreamAsync(string, IReadOnlyList{BulkEventStreamHeader}, IAsyncEnumerable{IEvent}, BulkEventSequenceMode, int, CancellationToken)"/>)
/// opens, and commits, a transaction of its own on a connection of its own: Marten 9.59 takes no connection or
/// transaction from the caller, and neither do its document bulk inserts. The streaming overload is used rather
/// than <c>BulkInsertEventsAsync(IReadOnlyList&lt;StreamAction&gt;)</c>: that one holds every event of the call in
/// memory, so one transaction for 10^6 cases would mean all their events at once, while this one takes the events
/// lazily, inside its transaction, and so lets our writes run (and fail) inside it. An import is two transactions,
/// ordered so that the event store, which cannot be undone, commits last:
/// <list type="number">
/// <item>every case is validated, before anything is written;</item>
/// <item>the identity documents and the reporters' rows are copied on our connection, in our transaction, chunk by
/// chunk as Marten consumes the events of that chunk; a taken tracking code fails there, inside Marten's
/// transaction, which then rolls back with ours;</item>
/// <item>once Marten has been handed the last event, ours commits; then Marten completes its last COPY, moves the
/// high-water mark and commits;</item>
/// <item>if ours fails to commit, or Marten fails after ours committed (a lost connection, a cancellation, in that
/// last step), the identity documents and reporters' rows are deleted again, unless the streams turn out to be
/// there (Marten's commit went through and only its answer was lost), in which case the import did complete.</item>
/// </list>
/// Any error before that last step (an id or tracking code that exists, a bad case, a lost connection)
/// leaves nothing behind. Only a failure of Marten's final step followed by a failure of the clean-up itself (the
/// database gone in between) can leave identity documents and reporters' rows without their events; the
/// exception then says so. Events are never knowingly left without their identity documents.
/// </para>
/// <para>
/// Sequence numbers are drawn by Marten inside its transaction from <c>mt_events_sequence</c>
/// (<see cref="BulkEventSequenceMode.AssignFromSequence"/>), like a quick append's: the daemon's high-water
/// detection sees a live transaction holding the gap and waits for it rather than skipping it, and Marten moves
/// the <c>HighWaterMark</c> row past the import as it commits. They are drawn in one block of exactly the number of
/// events, so no number is wasted (a wasted number is a gap the daemon would have to wait out). As with the
/// pre-Marten import, the projections wait for a running import.
/// </para>
/// <para>
/// Memory: Marten copies <c>mt_streams</c> (one row per case, the COPY that the events' foreign key needs) before
/// it takes the first event, so the cases are read whole from <c>cases</c> first and held until their chunk is
/// copied; events, their JSON and hashes are built a chunk at a time, one chunk ahead, on other threads.
/// </para>
/// </summary>
public static class BulkImport
{
    /// <summary>Cases prepared (events, JSON, hashes) ahead of the COPY, on other threads, while the previous chunk is copied.</summary>
    const int ChunkSize = 2_000;

    /// <summary>
    /// Imports with a store of its own, configured by <see cref="CasesStore"/> on <paramref name="db"/>: for one-shot
    /// tools (the seeder). Building a store costs a second or two; a host passes its own <see cref="IDocumentStore"/>.
    /// Every statement is bound by <paramref name="db"/>'s command timeout, and Marten ends the import with one COPY of
    /// all its events: for 10^6 cases give a data source without one (<c>Command Timeout=0</c>, as <c>seed --bulk</c> does).
    /// </summary>
    public static async Task<ImportReport> ImportAsync(
        NpgsqlDataSource db, IEnumerable<ImportedCase> cases, IProgress<ImportReport>? progress = null, CancellationToken ct = default)
    {
        await using var store = CasesStore.For(db);
        return await ImportAsync(store, cases, progress, ct);
    }

    /// <summary>Imports <paramref name="cases"/> (new streams only) into the store's default database. See the type's summary.</summary>
    public static async Task<ImportReport> ImportAsync(
        IDocumentStore store, IEnumerable<ImportedCase> cases, IProgress<ImportReport>? progress = null, CancellationToken ct = default)
    {
        var marten = store as DocumentStore
            ?? throw new ArgumentException("BulkImport needs Marten's DocumentStore (its bulk event append).", nameof(store));

        // Pass 1: validate everything before anything is written, and collect the streams Marten copies first.
        var all = new List<ImportedCase>();
        var headers = new List<BulkEventStreamHeader>();
        var reporterRefs = new List<Guid>();
        long eventTotal = 0;
        foreach (var c in cases)
        {
            Validate(c);
            all.Add(c);
            headers.Add(new BulkEventStreamHeader { Id = c.Id, Version = c.Events.Count, AggregateType = typeof(CaseStream) });
            if (c.Reporter is not null) reporterRefs.Add(c.Received.ReporterRef!.Value);
            eventTotal += c.Events.Count;
        }
        if (all.Count == 0) return new ImportReport(0, 0);
        var batchSize = eventTotal <= int.MaxValue ? (int)eventTotal
            : throw new ArgumentException($"An import is at most {int.MaxValue} events; split it.", nameof(cases));

        var tenant = marten.Options.Tenancy.Default;
        var database = tenant.Database;
        await database.EnsureStorageExistsAsync(typeof(CaseIdentity), ct);
        // The loader behind store.BulkInsertAsync (binary COPY of documents), used on our own connection: the
        // store's bulk insert methods open and commit a transaction of their own.
        var identities = ((MartenDocumentProvider<CaseIdentity>)database.Providers.StorageFor<CaseIdentity>()).BulkLoader;
        var serializer = marten.Options.Serializer();
        var graph = marten.Events;
        var recordedAt = DateTimeOffset.UtcNow;

        await using var conn = database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var oursMayHaveCommitted = false;
        long casesHanded = 0, eventsHanded = 0;

        Chunk PrepareChunk(int start)
        {
            var count = Math.Min(ChunkSize, all.Count - start);
            var perCase = new IEvent[count][];
            var chunkIdentities = new CaseIdentity[count];
            try
            {
                Parallel.For(0, count, i =>
                {
                    var c = all[start + i];
                    perCase[i] = Chain(graph, serializer, c, recordedAt);
                    chunkIdentities[i] = new CaseIdentity(c.Id, c.Received.TrackingCode, c.Received.Kind);
                });
            }
            catch (AggregateException e)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]); // the caller's error, not the loop's
            }
            var reporters = new List<(Guid Ref, ReporterContact Contact)>();
            for (var i = start; i < start + count; i++)
            {
                if (all[i].Reporter is { } contact) reporters.Add((all[i].Received.ReporterRef!.Value, contact));
                all[i] = null!; // copied from here on: let the case go
            }
            return new Chunk(perCase.SelectMany(x => x).ToArray(), chunkIdentities, reporters.ToArray());
        }

        async Task WriteBesideAsync(Chunk chunk, CancellationToken token)
        {
            await identities.LoadAsync(tenant, serializer, conn, chunk.Identities, token);
            if (chunk.Reporters.Length == 0) return;
            await using var w = await conn.BeginBinaryImportAsync(
                "copy cases.reporters (ref, name, phone, email, address) from stdin (format binary)", token);
            foreach (var (reporterRef, c) in chunk.Reporters)
            {
                await w.StartRowAsync(token);
                await w.WriteAsync(reporterRef, NpgsqlDbType.Uuid, token);
                foreach (var v in new[] { c.Name, c.Phone, c.Email, c.Address })
                    if (v is null) await w.WriteNullAsync(token);
                    else await w.WriteAsync(v, NpgsqlDbType.Text, token);
            }
            await w.CompleteAsync(token);
        }

        // What Marten consumes inside its transaction. Throwing here (a taken tracking code in our COPY) rolls it back.
        async IAsyncEnumerable<IEvent> Events([EnumeratorCancellation] CancellationToken token = default)
        {
            var next = Task.Run(() => PrepareChunk(0), token);
            Task? beside = null;
            try
            {
                for (var start = 0; next is not null; start += ChunkSize)
                {
                    var chunk = await next;
                    // The loop's variable is shared by every iteration: the task must take the start it was made
                    // for, not whatever the loop has moved on to by the time the thread pool runs it (a busy machine
                    // made it prepare a chunk twice, skipping one).
                    var following = start + ChunkSize;
                    next = following < all.Count ? Task.Run(() => PrepareChunk(following), token) : null;
                    if (beside is not null) await beside;
                    // Our COPY of this chunk's documents and reporters runs while Marten copies its events.
                    beside = WriteBesideAsync(chunk, token);
                    foreach (var e in chunk.Events) yield return e;
                    casesHanded += chunk.Identities.Length;
                    eventsHanded += chunk.Events.Length;
                    progress?.Report(new ImportReport(casesHanded, eventsHanded));
                }
                await beside!;
                beside = null;
                // Everything but Marten's last COPY block, its high-water mark and its commit is done: commit ours
                // now, so the part that cannot be undone commits last.
                oursMayHaveCommitted = true; // from here on: even a commit that throws may have gone through
                await tx.CommitAsync(token);
            }
            finally
            {
                // Leave our connection out of COPY before the transaction is rolled back; observe what is left.
                if (beside is not null) try { await beside; } catch { /* the first error is already on its way */ }
                next?.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            }
        }

        try
        {
            await marten.BulkInsertEventStreamAsync(tenant.TenantId, headers, Events(), BulkEventSequenceMode.AssignFromSequence, batchSize, ct);
        }
        catch (Exception failure) when (oursMayHaveCommitted)
        {
            if (await UndoBesideAsync(marten, headers[0].Id, headers.Select(h => h.Id).ToArray(), reporterRefs.ToArray(), failure))
                throw;
        }
        var report = new ImportReport(all.Count, eventTotal);
        progress?.Report(report);
        return report;
    }

    /// <summary>
    /// After Marten failed and our transaction had (or may have) committed: deletes the identity documents and
    /// reporters' rows again. False if the events are there after all (Marten's commit went through and only its answer was lost):
    /// the import is complete.
    /// </summary>
    static async Task<bool> UndoBesideAsync(DocumentStore store, Guid firstStream, Guid[] ids, Guid[] reporterRefs, Exception failure)
    {
        try
        {
            await using var session = store.LightweightSession();
            if (await session.Events.FetchStreamStateAsync(firstStream, CancellationToken.None) is not null) return false;
            session.DeleteWhere<CaseIdentity>(c => ids.Contains(c.Id));
            if (reporterRefs.Length > 0) session.QueueSqlCommand("delete from cases.reporters where ref = any(?)", reporterRefs);
            await session.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (Exception cleanup)
        {
            throw new AggregateException(
                $"Bulk import failed after its identity documents and reporters' rows were (or may have been) committed, and deleting them failed too: " +
                $"{ids.Length} cases (first {ids[0]}) may have a CaseIdentity and a cases.reporters row but no events. " +
                "Delete them, or import the same cases again once these are removed.", failure, cleanup);
        }
    }

    sealed record Chunk(IEvent[] Events, CaseIdentity[] Identities, (Guid Ref, ReporterContact Contact)[] Reporters);

    static void Validate(ImportedCase c)
    {
        var received = c.Received;
        if (c.Metadata.Count != c.Events.Count) throw new ArgumentException($"Case {c.Id}: one metadata per event.");
        if (c.Reporter is not null && received.ReporterRef is null)
            throw new ArgumentException($"Case {c.Id}: a reporter's contact needs the ReporterRef of CaseReceived.");
        for (var i = 1; i < c.Events.Count; i++)
            if (c.Events[i] is CaseEvent.CaseReceived)
                throw new ArgumentException($"Case {c.Id}: CaseReceived only as the first event.");
    }

    /// <summary>The case's events as Marten events, linked and stamped as a handler links them (<see cref="EventChain.Link"/>).</summary>
    static IEvent[] Chain(EventGraph graph, ISerializer serializer, ImportedCase c, DateTimeOffset recordedAt)
    {
        var result = EventChain.Link(graph, serializer, c.Id, 0, null, c.Events, i => c.Metadata[i]);
        for (var i = 0; i < result.Length; i++)
        {
            result[i].Id = Guid.CreateVersion7();
            result[i].StreamId = c.Id;
            result[i].Version = i + 1L;
            result[i].Timestamp = recordedAt;
        }
        return result;
    }
}
