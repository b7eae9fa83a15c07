namespace Cases.GraphQL.Media;

/// <summary>
/// Where a photo's bytes live. The catalogue (which case, when, how large) is always in PostgreSQL; the bytes are
/// embedded there too by default (<see cref="PostgresMediaBlobs"/>), and an S3-compatible store can stand in by
/// implementing these three calls.
/// </summary>
public interface IMediaBlobs
{
    Task PutAsync(Guid id, MediaVariant variant, byte[] content, CancellationToken ct);
    Task<byte[]?> GetAsync(Guid id, MediaVariant variant, CancellationToken ct);
    Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}

public enum MediaVariant { Full, Thumbnail }
