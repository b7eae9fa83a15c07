using System.Security.Cryptography;
using System.Text;
using Cases.GraphQL.Engine.Http;
using Cases.GraphQL.Host;

namespace Cases.GraphQL.Schema;

public sealed partial class Authentication
{
    /// <summary>How often a cookie-signed live connection checks that its session still stands (revoked, disabled, expired).</summary>
    public TimeSpan LiveSessionCheck { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Origins besides the server's own (<c>scheme://host</c> of the request) whose pages may open a live connection
    /// with the console's cookie, e.g. the public address when a proxy in front rewrites the host
    /// (<c>Authentication:ConsoleOrigins</c>).
    /// </summary>
    public IReadOnlyList<string> ConsoleOrigins { get; init; } = [];

    /// <summary>
    /// A live connection's caller. A WebSocket from a browser cannot carry an Authorization header, so
    /// graphql-transport-ws clients send it in the <c>connection_init</c> payload
    /// (<c>{"Authorization": "Bearer &lt;key&gt;"}</c>); over SSE, and without one, the request's header counts.
    /// A bad key refuses the connection (4403 over WebSocket, 401 over SSE), never falls back to the public.
    /// Without either, the console's session cookie sent with the upgrade (or the event-stream request) signs the
    /// connection in when the session's CSRF token comes too, as on a cookie-signed POST: in the payload
    /// (<c>{"X-CSRF-Token": "..."}</c>) or, over SSE, as the header (<see cref="FromLiveCookieAsync"/>). Without the
    /// token the cookie is ignored, as on a GET: a page of the public site keeps its public connection whatever
    /// state a console session left in the browser.
    /// </summary>
    public ValueTask<object?> ConnectionContextAsync(HttpContext http, IReadOnlyDictionary<string, object?>? payload)
    {
        var header = Entry(payload, "authorization") ?? http.Request.Headers.Authorization.ToString();
        var csrf = Entry(payload, CsrfHeader) ?? http.Request.Headers[CsrfHeader].ToString();
        return header.Length == 0 && csrf.Length > 0 ? FromLiveCookieAsync(http, csrf) : ContextAsync(http, header);
    }

    static string? Entry(IReadOnlyDictionary<string, object?>? payload, string key) =>
        payload?.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value as string;

    /// <summary>
    /// The console's cookie on a live connection. Browsers send cookies with a WebSocket upgrade whatever page opened
    /// it (a WebSocket is not bound by CORS), so a page of another origin could ride on a signed-in user's cookie
    /// (cross-site WebSocket hijacking): the upgrade's <c>Origin</c>, which browsers always send and pages cannot
    /// forge, must be this server's own (or one of <see cref="ConsoleOrigins"/>), and the session's CSRF token, which
    /// only the console's own pages hold, must match. The session is checked now and every
    /// <see cref="LiveSessionCheck"/> while the connection lasts; when it no longer stands,
    /// <see cref="RequestContext.SessionEnded"/> fires and the connection's subscriptions end with SESSION_EXPIRED.
    /// </summary>
    async ValueTask<object?> FromLiveCookieAsync(HttpContext http, string csrf)
    {
        var origin = http.Request.Headers.Origin.ToString();
        var own = $"{http.Request.Scheme}://{http.Request.Host.Value}";
        if (!string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) && !ConsoleOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase))
            throw new GraphQLHttpException(403, "Cross-site live connection refused: the console's cookie counts only from this site's pages.", "ORIGIN_REFUSED");
        if (!http.Request.Cookies.TryGetValue(StaffCookie.Name, out var token))
            throw new GraphQLHttpException(401, "No session cookie came with this connection; sign in to the console first.", "NOT_SIGNED_IN");
        var (session, _) = await staff.SessionAsync(token, http.RequestAborted);
        if (session is null) throw new GraphQLHttpException(401, "Your session has expired or was signed out; sign in again.", "SESSION_EXPIRED");
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(csrf), Encoding.UTF8.GetBytes(session.CsrfToken)))
            throw new GraphQLHttpException(403, $"The {CsrfHeader} of this live connection is not its session's; reload the console.", "CSRF_TOKEN_INVALID");
        return new RequestContext(session.User.Actor, http.CorrelationId(), IpHash(http))
        {
            Login = session.User.Login, Name = session.User.Name, SessionEnded = WatchSession(token, http.RequestAborted),
        };
    }

    /// <summary>A token cancelled when the session stops standing; the watch ends with the connection.</summary>
    CancellationToken WatchSession(string token, CancellationToken connection)
    {
        // Not disposed: subscriptions may still hold its token when the connection ends; it owns no timer or handle.
        var ended = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            try
            {
                using var timer = new PeriodicTimer(LiveSessionCheck);
                while (await timer.WaitForNextTickAsync(connection))
                {
                    var (session, _) = await staff.SessionAsync(token, connection);
                    if (session is null)
                    {
                        await ended.CancelAsync();
                        return;
                    }
                }
            }
            catch (OperationCanceledException) when (connection.IsCancellationRequested)
            {
                // The connection ended first: nothing left to end.
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                // The session cannot be checked: it is no longer vouched for, so its subscriptions end
                // (the console connects again, and a standing session is accepted again).
                await ended.CancelAsync();
            }
        }, CancellationToken.None);
        return ended.Token;
    }

    /// <summary>Who counts as one client for the subscription bound: an API key's actor, or the public by (hashed) address.</summary>
    public static string ClientKey(object? context) => context is RequestContext r ? r.Actor.Id : "unknown";
}
