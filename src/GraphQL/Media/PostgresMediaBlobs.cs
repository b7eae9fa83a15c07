using Npgsql;

namespace Cases.GraphQL.Media;

/// <summary>The embedded default: bytes in cases.media_blobs (bytea, TOASTed and compressed by PostgreSQL as it sees fit).</summary>
public sealed class PostgresMediaBlobs(NpgsqlDataSource db) : IMediaBlobs
{
    static string Name(MediaVariant v) => v == MediaVariant.Full ? "full" : "thumb";

    public async Task PutAsync(Guid id, MediaVariant variant, byte[] content, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("insert into cases.media_blobs (media_id, variant, content) values ($1, $2, $3)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Name(variant) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = content });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<byte[]?> GetAsync(Guid id, MediaVariant variant, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select content from cases.media_blobs where media_id = $1 and variant = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Name(variant) });
        return await cmd.ExecuteScalarAsync(ct) as byte[];
    }

    public async Task DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await using var cmd = db.CreateCommand("delete from cases.media_blobs where media_id = any($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
