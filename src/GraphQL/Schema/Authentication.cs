using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Cases.Access;
using Cases.Domain;
using Cases.GraphQL.Engine.Http;
using Cases.GraphQL.Host;
using Microsoft.AspNetCore.Authentication;

namespace Cases.GraphQL.Schema;

/// <summary>
/// Turns a request into a <see cref="RequestContext"/>, one actor whatever proved it (DESIGN 7), judged by the same
/// <c>CaseRules</c>:
/// <list type="bullet">
/// <item><c>Authorization: Bearer &lt;JWT&gt;</c> from the province's identity provider, when
/// <c>Authentication:Oidc:Authority</c> is configured: role and agency from its claims.</item>
/// <item><c>Authorization: Bearer &lt;API key&gt;</c> for machine clients.</item>
/// <item>The console's session cookie on a POST, with the session's CSRF token in <c>X-CSRF-Token</c>. A GET is a
/// public read (it may be cached publicly), so a cookie there is ignored.</item>
/// <item>Nothing: the public.</item>
/// </list>
/// Credentials that are presented but not accepted are refused with 401 and a typed error, never treated as the
/// public. Citizens prove a case with its secret in the mutation's input instead (see <see cref="CaseMutations"/>).
/// </summary>
public sealed partial class Authentication(ApiKeys keys, StaffAccounts staff, ClientIds clients, OidcClaims? oidc)
{
    public const string CsrfHeader = "X-CSRF-Token";

    /// <summary>
    /// The client's pseudonymous id: its address (the citizen's, not a trusted proxy's: see ForwardedHeaders) under
    /// the salt every node shares (<see cref="ClientIds"/>).
    /// </summary>
    public string IpHash(HttpContext http) => clients.Of(http.Connection.RemoteIpAddress);

    public ValueTask<object?> ContextAsync(HttpContext http) => ContextAsync(http, http.Request.Headers.Authorization.ToString());

    /// <param name="header">The Authorization header, or for a live connection the one its connection_init carried.</param>
    async ValueTask<object?> ContextAsync(HttpContext http, string header)
    {
        var ipHash = IpHash(http);
        if (header.Length > 0)
        {
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                throw new GraphQLHttpException(401, "Authorization must be 'Bearer <api key or token>'.", "UNAUTHENTICATED");
            var credential = header["Bearer ".Length..].Trim();
            return oidc is not null && credential.Count(c => c == '.') == 2 && !credential.StartsWith(ApiKeys.Prefix, StringComparison.Ordinal)
                ? await FromJwtAsync(http, ipHash)
                : await FromKeyAsync(http, credential, ipHash);
        }
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Cookies.TryGetValue(StaffCookie.Name, out var token))
        {
            var (session, _) = await staff.SessionAsync(token, http.RequestAborted);
            if (session is null) throw new GraphQLHttpException(401, "Your session has expired or was signed out; sign in again.", "SESSION_EXPIRED");
            var sent = http.Request.Headers[CsrfHeader].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(session.CsrfToken)))
                throw new GraphQLHttpException(403, $"A request signed in with the console's cookie must carry its {CsrfHeader} header.", "CSRF_TOKEN_INVALID");
            return new RequestContext(session.User.Actor, http.CorrelationId(), ipHash) { Login = session.User.Login, Name = session.User.Name };
        }
        return new RequestContext(new Actor($"public:{ipHash}", Role.Public), http.CorrelationId(), ipHash);
    }

    async Task<RequestContext> FromKeyAsync(HttpContext http, string key, string ipHash)
    {
        var (actor, rejection) = await keys.AuthenticateAsync(key, http.RequestAborted);
        return actor is not null
            ? new RequestContext(actor, http.CorrelationId(), ipHash)
            : throw rejection switch
            {
                KeyRejection.Revoked => new GraphQLHttpException(401, "This API key was revoked.", "KEY_REVOKED"),
                KeyRejection.Expired => new GraphQLHttpException(401, "This API key has expired.", "KEY_EXPIRED"),
                _ => new GraphQLHttpException(401, "Unknown API key.", "UNAUTHENTICATED"),
            };
    }

    async Task<RequestContext> FromJwtAsync(HttpContext http, string ipHash)
    {
        var result = await http.AuthenticateAsync(OidcClaims.Scheme);
        if (!result.Succeeded || result.Principal is not { } principal)
            throw new GraphQLHttpException(401, $"The bearer token was refused: {result.Failure?.Message ?? "no identity"}", "INVALID_TOKEN");
        var actor = oidc!.ActorOf(principal)
            ?? throw new GraphQLHttpException(403, "The token carries no role this service knows (operator, agency with its agency, auditor or admin).", "FORBIDDEN");
        return new RequestContext(actor, http.CorrelationId(), ipHash) { Login = principal.FindFirstValue("preferred_username"), Name = principal.FindFirstValue("name") };
    }
}

/// <summary>The console's session cookie.</summary>
public static class StaffCookie
{
    public const string Name = "cases_session";

    public static CookieOptions Options(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/", Expires = expires, IsEssential = true,
    };
}

/// <summary>
/// How a token from the province's identity provider becomes an actor: the role from <c>Authentication:Oidc:RoleClaim</c>
/// (default <c>role</c>; operator, agency, auditor or admin) and, for agency staff, the agency from
/// <c>Authentication:Oidc:AgencyClaim</c> (default <c>agency</c>).
/// </summary>
public sealed record OidcClaims(string RoleClaim, string AgencyClaim)
{
    public const string Scheme = "Oidc";

    public Actor? ActorOf(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var roleName = principal.FindAll(RoleClaim).Concat(principal.FindAll(ClaimTypes.Role)).Select(c => c.Value).FirstOrDefault();
        if (subject is null || roleName is null || !Enum.TryParse<Role>(roleName, ignoreCase: true, out var role)
            || role is not (Role.Operator or Role.Agency or Role.Auditor or Role.Admin))
            return null;
        var agency = principal.FindFirstValue(AgencyClaim);
        if ((role == Role.Agency) != (agency is { Length: > 0 })) return null;
        return new Actor($"oidc:{subject}", role, role == Role.Agency ? agency : null);
    }
}
