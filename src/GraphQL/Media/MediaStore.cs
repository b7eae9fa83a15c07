using Npgsql;

namespace Cases.GraphQL.Media;

/// <summary>
/// Which <see cref="IMediaBlobs"/> a deployment uses, from <c>Media:Store</c>: <c>postgres</c> (the default:
/// nothing else to run, backed up with the database) or <c>s3</c> (an S3-compatible bucket, <c>Media:S3:*</c>, see
/// <see cref="S3MediaOptions"/>). The server and the demo seeder read the same settings, so demo photos land where
/// the server will look for them.
/// </summary>
public static class MediaStore
{
    public static IMediaBlobs From(IConfiguration config, NpgsqlDataSource db) => (config["Media:Store"]?.ToLowerInvariant() ?? "postgres") switch
    {
        "postgres" => new PostgresMediaBlobs(db),
        "s3" when S3MediaOptions.From(config.GetSection("Media:S3")) is var s3 => new S3MediaBlobs(S3MediaBlobs.Client(s3), s3),
        var other => throw new InvalidOperationException($"Media:Store is '{other}'; it is 'postgres' (the default) or 's3'."),
    };
}
