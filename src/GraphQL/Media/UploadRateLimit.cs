using System.Threading.RateLimiting;

namespace Cases.GraphQL.Media;

/// <summary>
/// A per-client token bucket on <c>POST /media</c> (<c>Media:UploadsPerMinute</c>, default 60), as submissions have
/// theirs (<c>Submissions:PerMinute</c>, DESIGN 7): an upload is the most expensive request the public can send
/// (a decode and two encodes of up to 50 megapixels), so it must not be free to repeat. Clients are told apart by
/// the same salted address hash the audit trail records.
/// </summary>
public sealed class UploadRateLimit(int perMinute)
{
    readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute, TokensPerPeriod = perMinute, ReplenishmentPeriod = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>Null when the client may upload now; otherwise how long until it may, rounded up to whole seconds.</summary>
    public TimeSpan? Refuse(string client)
    {
        using var lease = limiter.AttemptAcquire(client);
        if (lease.IsAcquired) return null;
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(wait.TotalSeconds)));
    }
}
