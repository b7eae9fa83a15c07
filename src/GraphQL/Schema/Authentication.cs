using System.Security.Cryptography;
using System.Text;
using Cases.Access;
using Cases.Domain;
using Cases.GraphQL.Engine.Http;
using Cases.GraphQL.Host;

namespace Cases.GraphQL.Schema;

/// <summary>
/// Turns a request into a <see cref="RequestContext"/>: <c>Authorization: Bearer &lt;key&gt;</c> for operators,
/// agencies, auditors and admins; no header is the public. A key that is unknown, revoked or expired is refused
/// with 401 and a typed error, never treated as the public. Citizens prove a case with its secret in the
/// mutation's input instead (see <see cref="CaseMutations"/>).
/// </summary>
public sealed class Authentication(ApiKeys keys, byte[] ipSalt)
{
    public async ValueTask<object?> ContextAsync(HttpContext http)
    {
        var ipHash = Convert.ToHexStringLower(HMACSHA256.HashData(ipSalt, Encoding.UTF8.GetBytes(http.Connection.RemoteIpAddress?.ToString() ?? "local")))[..16];
        var header = http.Request.Headers.Authorization.ToString();
        if (header.Length == 0) return new RequestContext(new Actor($"public:{ipHash}", Role.Public), http.CorrelationId(), ipHash);
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            throw new GraphQLHttpException(401, "Authorization must be 'Bearer <api key>'.", "UNAUTHENTICATED");
        var (actor, rejection) = await keys.AuthenticateAsync(header["Bearer ".Length..].Trim(), http.RequestAborted);
        return actor is not null
            ? new RequestContext(actor, http.CorrelationId(), ipHash)
            : throw rejection switch
            {
                KeyRejection.Revoked => new GraphQLHttpException(401, "This API key was revoked.", "KEY_REVOKED"),
                KeyRejection.Expired => new GraphQLHttpException(401, "This API key has expired.", "KEY_EXPIRED"),
                _ => new GraphQLHttpException(401, "Unknown API key.", "UNAUTHENTICATED"),
            };
    }
}
