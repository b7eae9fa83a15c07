using Cases.Domain;

namespace Cases.GraphQL.Schema;

/// <summary>What every resolver knows about the request: who acts, the correlation id, a hash of the client's address.</summary>
public sealed record RequestContext(Actor Actor, string CorrelationId, string ClientIpHash)
{
    /// <summary>The staff member's login and name, when a person signed in (a session or a token), not a key.</summary>
    public string? Login { get; init; }
    public string? Name { get; init; }

    /// <summary>
    /// For a live connection signed in with the console's cookie: cancelled when that session is revoked, its
    /// account disabled, or it expires, so the connection's subscriptions end with it (<see cref="Authentication"/>).
    /// </summary>
    public CancellationToken SessionEnded { get; init; }
}
