namespace Cases.GraphQL.Schema;

public sealed partial class Authentication
{
    /// <summary>
    /// A live connection's caller. A WebSocket from a browser cannot carry an Authorization header, so
    /// graphql-transport-ws clients send it in the <c>connection_init</c> payload
    /// (<c>{"Authorization": "Bearer &lt;key&gt;"}</c>); over SSE, and without one, the request's header counts.
    /// A bad key refuses the connection (4403 over WebSocket, 401 over SSE), never falls back to the public.
    /// </summary>
    public ValueTask<object?> ConnectionContextAsync(HttpContext http, IReadOnlyDictionary<string, object?>? payload)
    {
        var fromPayload = payload is null ? null
            : payload.FirstOrDefault(p => string.Equals(p.Key, "authorization", StringComparison.OrdinalIgnoreCase)).Value as string;
        return ContextAsync(http, fromPayload ?? http.Request.Headers.Authorization.ToString());
    }

    /// <summary>Who counts as one client for the subscription bound: an API key's actor, or the public by (hashed) address.</summary>
    public static string ClientKey(object? context) => context is RequestContext r ? r.Actor.Id : "unknown";
}
