using Cases.Domain;

namespace Cases.Handlers;

/// <summary>
/// What a handler loads with <c>FetchForWriting</c>: the case's state (the decider's own fold) and the hash of its
/// last event, which the next event's <c>prev_hash</c> must be. A live aggregate, never stored.
/// </summary>
public sealed record CaseStream(Guid Id, CaseState State, string? LastHash)
{
    public static CaseStream Initial(Guid id) => new(id, CaseState.Initial(id), null);
}
