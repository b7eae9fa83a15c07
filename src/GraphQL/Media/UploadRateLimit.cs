using Cases.Access;

namespace Cases.GraphQL.Media;

/// <summary>
/// The per-client limit on <c>POST /media</c> (<c>Media:UploadsPerMinute</c>, default 60), as submissions have
/// theirs (<c>Submissions:PerMinute</c>, DESIGN 7): an upload is the most expensive request the public can send
/// (a decode and two encodes of up to 50 megapixels), so it must not be free to repeat. Clients are told apart by
/// the same salted address hash the audit trail records, and counted in PostgreSQL so every node shares the limit.
/// </summary>
public sealed class UploadRateLimit(SharedRateLimit limit)
{
    /// <summary>Null when the client may upload now; otherwise how long until it may, in whole seconds.</summary>
    public Task<TimeSpan?> RefuseAsync(string client, CancellationToken ct) => limit.RefuseAsync(client, ct);
}
