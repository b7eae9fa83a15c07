using Microsoft.AspNetCore.Http;

namespace Cases.GraphQL.Engine.Http.Live;

/// <summary>
/// Live operations on a GraphQL endpoint: subscriptions (and queries and mutations) over WebSocket with the
/// <c>graphql-transport-ws</c> protocol, and over Server-Sent Events in graphql-sse's distinct-connections mode.
/// Documents are prepared, limited and masked as the endpoint's <see cref="GraphQLHttpOptions"/> say.
/// </summary>
public sealed record GraphQLLiveOptions
{
    /// <summary>graphql-transport-ws: a socket that sends no <c>connection_init</c> this soon is closed with 4408.</summary>
    public TimeSpan ConnectionInitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often the server pings: a WebSocket gets <c>{"type":"ping"}</c> (a peer that has not answered the previous
    /// one with a pong is dropped), an event stream an SSE comment, so proxies keep idle connections open.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Subscriptions one WebSocket may hold at once; one more is refused with an error (SUBSCRIPTION_LIMIT).</summary>
    public int MaxSubscriptionsPerConnection { get; init; } = 20;

    /// <summary>Subscriptions one client (<see cref="ClientKey"/>) may hold at once over all its connections and transports.</summary>
    public int MaxSubscriptionsPerClient { get; init; } = 50;

    /// <summary>
    /// Makes the context object of a connection's operations from the request and, for a WebSocket, the
    /// <c>connection_init</c> payload (null over SSE, where credentials come in the request's headers). Throw
    /// <see cref="GraphQLHttpException"/> to refuse: a WebSocket is closed with 4403 Forbidden and the message,
    /// an event stream answered with the exception's status. Null uses <see cref="GraphQLHttpOptions.ContextFactory"/>.
    /// </summary>
    public Func<HttpContext, IReadOnlyDictionary<string, object?>?, ValueTask<object?>>? ConnectionContextFactory { get; init; }

    /// <summary>Who counts as one client for <see cref="MaxSubscriptionsPerClient"/>, from the connection's context; by default the remote address.</summary>
    public Func<HttpContext, object?, string>? ClientKey { get; init; }

    /// <summary>Counts the server's active subscriptions (share one instance to report it, e.g. in a health endpoint).</summary>
    public SubscriptionCounter Counter { get; init; } = new();

    /// <summary>The largest WebSocket message accepted; a larger one closes the socket with 1009.</summary>
    public int MaxMessageBytes { get; init; } = 256 * 1024;
}
