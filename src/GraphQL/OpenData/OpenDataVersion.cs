using JasperFx.Events.Projections;
using Npgsql;

namespace Cases.GraphQL.OpenData;

/// <summary>
/// What a download's <c>ETag</c> and <c>Last-Modified</c> come from: the position of the projection that writes its
/// table in Marten's mt_event_progression, one indexed row. The table changes only when that position moves, so a
/// mirror polling with <c>If-None-Match</c> costs one small read and no scan; the position may move for an event
/// that changed nothing in the table, so the tag changes at least as often as the data, never less.
/// </summary>
public sealed record OpenDataVersion(long Position, DateTimeOffset? UpdatedAt)
{
    public static async Task<OpenDataVersion> OfAsync(NpgsqlDataSource db, string projection, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select last_seq_id, last_updated from cases.mt_event_progression where name = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ShardName.Compose(projection).Identity });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new OpenDataVersion(r.GetInt64(0), r.IsDBNull(1) ? null : new DateTimeOffset(r.GetDateTime(1), TimeSpan.Zero))
            : new OpenDataVersion(0, null);
    }

    /// <summary>The entity tag of one URL (its query string included) at this position.</summary>
    public string ETag(string variant) =>
        $"\"{Position}-{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(variant)))[..12]}\"";
}
