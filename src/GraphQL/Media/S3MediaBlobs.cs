using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Cases.GraphQL.Media;

/// <summary>
/// Photos' bytes in an S3-compatible bucket (AWSSDK.S3), for a deployment that keeps the database small or serves
/// media from object storage. The catalogue stays in cases.media either way, so what is public is still decided by
/// the database, never by a bucket policy. A store that cannot be reached or refuses us is a
/// <see cref="MediaError.StoreUnavailable"/> (503), never an unhandled exception.
/// </summary>
public sealed class S3MediaBlobs(IAmazonS3 s3, S3MediaOptions options) : IMediaBlobs
{
    public static IAmazonS3 Client(S3MediaOptions o) => new AmazonS3Client(new BasicAWSCredentials(o.AccessKey, o.SecretKey), new AmazonS3Config
    {
        ServiceURL = o.ServiceUrl,
        AuthenticationRegion = o.Region,
        ForcePathStyle = o.ForcePathStyle,
        Timeout = o.Timeout,
        MaxErrorRetry = o.Retries,
        // SDK 4 adds CRC checksums in a chunked trailer to every upload by default; many S3-compatible stores (and
        // older MinIO, Ceph) refuse or store that framing, so checksums are sent only where S3 requires them.
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    public string Key(Guid id, MediaVariant variant) => $"{options.Prefix}{id}/{(variant == MediaVariant.Full ? "full" : "thumb")}.jpg";

    public Task PutAsync(Guid id, MediaVariant variant, byte[] content, CancellationToken ct) => Guarded(async () =>
    {
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket, Key = Key(id, variant), InputStream = new MemoryStream(content, writable: false),
            ContentType = "image/jpeg", Headers = { CacheControl = MediaEndpoints.PublicCache },
            // Plain signed bodies: aws-chunked framing is the other thing S3-compatible stores disagree on.
            UseChunkEncoding = false,
        }, ct);
        return true;
    }, ct);

    public Task<byte[]?> GetAsync(Guid id, MediaVariant variant, CancellationToken ct) => Guarded<byte[]?>(async () =>
    {
        try
        {
            using var response = await s3.GetObjectAsync(options.Bucket, Key(id, variant), ct);
            using var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }, ct);

    public Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) => Guarded(async () =>
    {
        // One request per thousand keys, S3's limit for a multi-object delete; a key already gone is no error.
        foreach (var chunk in ids.SelectMany(id => new[] { Key(id, MediaVariant.Full), Key(id, MediaVariant.Thumbnail) }).Chunk(1000))
        {
            var response = await s3.DeleteObjectsAsync(new DeleteObjectsRequest
            {
                BucketName = options.Bucket, Quiet = true, Objects = [.. chunk.Select(k => new KeyVersion { Key = k })],
            }, ct);
            if (response.DeleteErrors is { Count: > 0 } errors)
                throw new MediaError(MediaError.StoreUnavailable,
                    $"The media store kept {errors.Count} objects it was asked to delete ({errors[0].Code}).", 503);
        }
        return true;
    }, ct);

    /// <summary>
    /// Whatever the store or the network says (refused, timed out, wrong key, no such bucket) becomes one typed
    /// error; the cause goes to the log through the exception it wraps. The caller's own cancellation stays what it is.
    /// </summary>
    async Task<T> Guarded<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try { return await call(); }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or TimeoutException
                                      || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            throw new MediaError(MediaError.StoreUnavailable, "The media store cannot be reached; try again in a moment.", 503, e);
        }
    }
}
