using Cases.Domain;
using Marten;

namespace Cases.EventStore;

/// <summary>
/// Reading the event store (DESIGN 3): a case's stream, whole, up to a version or as of an instant, for audit and
/// for the first result of a replayed command; a case's id by its tracking code. Writing goes through the
/// Wolverine handlers (<see cref="Handlers.CaseHandlers"/>), never through here.
/// </summary>
public sealed class CaseEventStore(IDocumentStore store)
{
    public IDocumentStore Store => store;

    /// <summary>
    /// A stream in version order, optionally only up to a version, or as of an instant: the events that had
    /// happened by then (their own instant, which for imported history is earlier than when they were recorded).
    /// </summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(
        Guid streamId, long? upToVersion = null, NodaTime.Instant? asOf = null, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, upToVersion ?? 0, token: ct);
        return events.Select(StoredEvent.From).Where(e => asOf is not { } t || e.OccurredAt <= t).ToList();
    }

    /// <summary>The case folded from its stream (up to a version).</summary>
    public async Task<CaseState> ReadStateAsync(Guid streamId, long? upToVersion = null, CancellationToken ct = default) =>
        CaseState.Fold(streamId, (await ReadStreamAsync(streamId, upToVersion, ct: ct)).Select(e => e.Event));

    /// <summary>The id of the case with this tracking code, if any.</summary>
    public async Task<Guid?> FindByTrackingCodeAsync(string trackingCode, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var found = await session.Query<CaseIdentity>().Where(c => c.TrackingCode == trackingCode).Select(c => c.Id).ToListAsync(ct);
        return found.Count > 0 ? found[0] : null;
    }

    /// <summary>The first result of an already processed command: its stream and the version it left.</summary>
    public async Task<ProcessedCommand?> FindProcessedAsync(string idempotencyKey, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ProcessedCommand>(idempotencyKey, ct);
    }
}

/// <summary>A case's natural key beside its stream: the tracking code, unique (a Marten document, written with the first event).</summary>
public sealed record CaseIdentity(Guid Id, string TrackingCode, CaseKind Kind);

/// <summary>
/// The record of a command that carried an idempotency key, stored in the same Marten session as its events so
/// both commit or neither does. The key is client-scoped: the caller prefixes it with who sent it.
/// </summary>
/// <summary>
/// The first result of a keyed command: its case and the version it left, and the fingerprint of what it asked
/// (null on records from before issue 26), so the same key with other content is refused.
/// </summary>
public sealed record ProcessedCommand(string Id, Guid StreamId, long Version, string? Fingerprint = null);
