using Cases.Access;
using Cases.Domain;

namespace Cases.GraphQL.Schema;

/// <summary>
/// Which submission limit a request draws from (DESIGN 7, issues 23 and 26), each counted in PostgreSQL so every node
/// shares it: the public and citizens by their pseudonymous address, staff by their key or account (one office, many
/// people), a partner system by its key with its own size (<c>Partners:SubmissionsPerMinute</c>), the same bucket
/// whether it submits through GraphQL or Open311.
/// </summary>
public sealed class SubmissionLimits(SharedRateLimit perClient, SharedRateLimit perPartner)
{
    /// <summary>Null when the request may submit now; otherwise how long until it may.</summary>
    public Task<TimeSpan?> RefuseAsync(RequestContext request, CancellationToken ct) => request.Actor.Role switch
    {
        Role.Partner => perPartner.RefuseAsync(request.Actor.Id, ct),
        Role.Public or Role.Citizen => perClient.RefuseAsync(request.ClientIpHash, ct),
        _ => perClient.RefuseAsync(request.Actor.Id, ct),
    };
}
