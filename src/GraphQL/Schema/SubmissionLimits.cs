using Cases.Domain;

namespace Cases.GraphQL.Schema;

/// <summary>
/// Which bucket of the submission rate limit a request draws from (DESIGN 7): the public and citizens by a hash of
/// their address, a partner system by its key, with its own size (<c>Partners:SubmissionsPerMinute</c>), the same
/// bucket whether it submits through GraphQL or Open311.
/// </summary>
public static class SubmissionLimits
{
    public const string PartnerPrefix = "partner:";

    public static string PartitionOf(RequestContext request) =>
        request.Actor.Role == Role.Partner ? PartnerPrefix + request.Actor.Id : request.ClientIpHash;
}
