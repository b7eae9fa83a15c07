namespace Cases.GraphQL.Media;

/// <summary>
/// Where an S3-compatible store is and how to sign for it (<c>Media:S3:*</c>), read when <c>Media:Store</c> is
/// <c>s3</c>. Path-style addressing is the default because the stores a province runs itself (MinIO, Ceph, an
/// emulator on 127.0.0.1) rarely have a bucket subdomain in DNS; AWS itself takes both.
/// </summary>
public sealed record S3MediaOptions(string ServiceUrl, string Bucket, string AccessKey, string SecretKey)
{
    /// <summary>The region signatures name; stores that have none accept AWS's default.</summary>
    public string Region { get; init; } = "us-east-1";
    public bool ForcePathStyle { get; init; } = true;
    /// <summary>Keys are <c>{Prefix}{id}/full.jpg</c> and <c>{Prefix}{id}/thumb.jpg</c>, so one bucket can hold other things.</summary>
    public string Prefix { get; init; } = "media/";
    /// <summary>An upload waits at most this long for the store (per attempt) before the client hears 503.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public int Retries { get; init; } = 2;

    /// <summary>The options from configuration, refusing at start-up a section that cannot work.</summary>
    public static S3MediaOptions From(IConfiguration section)
    {
        string Required(string key) => section[key] is { Length: > 0 } v ? v
            : throw new InvalidOperationException($"Media:Store is s3 but Media:S3:{key} is not set.");
        return new S3MediaOptions(Required("ServiceUrl"), Required("Bucket"), Required("AccessKey"), Required("SecretKey"))
        {
            Region = section["Region"] is { Length: > 0 } r ? r : "us-east-1",
            ForcePathStyle = section.GetValue("ForcePathStyle", true),
            Prefix = section["Prefix"] ?? "media/",
            Timeout = TimeSpan.FromSeconds(section.GetValue("TimeoutSeconds", 10.0)),
            Retries = section.GetValue("Retries", 2),
        };
    }
}
