namespace Cases.GraphQL.Media;

/// <summary>
/// Where a photo's bytes live. The catalogue (which case, when, how large) is always in PostgreSQL; the bytes are
/// embedded there too by default (<see cref="PostgresMediaBlobs"/>), or in an S3-compatible bucket
/// (<see cref="S3MediaBlobs"/>, <c>Media:Store=s3</c>). A store that fails throws
/// <see cref="MediaError.StoreUnavailable"/>; deleting what is not there is no error.
/// </summary>
public interface IMediaBlobs
{
    Task PutAsync(Guid id, MediaVariant variant, byte[] content, CancellationToken ct);
    Task<byte[]?> GetAsync(Guid id, MediaVariant variant, CancellationToken ct);
    Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct);
}

public enum MediaVariant { Full, Thumbnail }
