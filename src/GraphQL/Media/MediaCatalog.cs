using Npgsql;
using NodaTime;

namespace Cases.GraphQL.Media;

/// <summary>An upload as the API reports it.</summary>
public sealed record MediaUpload(Guid Id, int Width, int Height, int Bytes);

/// <summary>
/// cases.media: which uploads exist, which case holds each (set by the write side in the event's transaction, see
/// Cases.Handlers.MediaLinks), and which are public. An upload is public exactly when the public view lists it
/// among a case's photos (projections.public_cases), so a report's photos appear when the report is verified and
/// never for a rejected or confidential one.
/// </summary>
public sealed class MediaCatalog(NpgsqlDataSource db, IMediaBlobs blobs, MediaProcessor processor, IClock clock, Serilog.ILogger log)
{
    public MediaLimits Limits => processor.Limits;

    /// <summary>Processes and stores an upload; nothing is stored when the upload is refused.</summary>
    public async Task<MediaUpload> UploadAsync(byte[] bytes, CancellationToken ct)
    {
        var media = processor.Process(bytes);
        var id = Guid.CreateVersion7();
        await using (var cmd = db.CreateCommand("""
            insert into cases.media (id, width, height, byte_size, created_at) values ($1, $2, $3, $4, $5)
            """))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = id });
            cmd.Parameters.Add(new NpgsqlParameter { Value = media.Width });
            cmd.Parameters.Add(new NpgsqlParameter { Value = media.Height });
            cmd.Parameters.Add(new NpgsqlParameter { Value = media.Full.Length });
            cmd.Parameters.Add(new NpgsqlParameter { Value = clock.GetCurrentInstant().ToDateTimeUtc() });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        // The row is nobody's until a case references it, so its bytes may follow; if they fail, the row goes at
        // once (the client hears why and nothing half-stored is left to attach).
        try
        {
            await blobs.PutAsync(id, MediaVariant.Full, media.Full, ct);
            await blobs.PutAsync(id, MediaVariant.Thumbnail, media.Thumbnail, ct);
        }
        catch
        {
            await DeleteRowsAsync([id], CancellationToken.None);
            try { await blobs.DeleteAsync([id], CancellationToken.None); }
            catch (MediaError e)
            {
                // The store that just failed may fail again: what it holds of this upload (if anything) has no
                // row, is never served, and costs only its bytes.
                log.Warning(e.InnerException ?? e, "Upload {MediaId} could not be stored nor its partial bytes removed", id);
            }
            throw;
        }
        return new MediaUpload(id, media.Width, media.Height, media.Full.Length);
    }

    /// <summary>
    /// Refuses, with a typed error naming the field, references a command may not attach: not an upload, an upload
    /// removed or older than the time limit, or one another case already holds. <paramref name="opaque"/> lets
    /// references that are not ids through (an agency's evidence may be a document number).
    /// </summary>
    public async Task RequireAttachableAsync(string field, IReadOnlyList<string> refs, Guid? caseId, bool opaque, CancellationToken ct)
    {
        var ids = new List<Guid>();
        foreach (var r in refs)
            if (Guid.TryParse(r, out var id)) ids.Add(id);
            else if (!opaque) throw Refused(field, MediaError.NotFound, $"'{r}' is not an uploaded photo.");
        if (ids.Count == 0) return;

        var found = new Dictionary<Guid, (Guid? CaseId, Instant CreatedAt)>();
        await using (var cmd = db.CreateCommand("select id, case_id, created_at from cases.media where id = any($1)"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                found[r.GetGuid(0)] = (r.IsDBNull(1) ? null : r.GetGuid(1), Instant.FromDateTimeUtc(r.GetDateTime(2)));
        }
        var oldest = clock.GetCurrentInstant() - Limits.AttachWithin;
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var m))
                throw Refused(field, MediaError.NotFound, $"No uploaded photo {id} (uploads no case references are removed after {Limits.AttachWithin.TotalHours:0} h).");
            if (m.CaseId is { } holder && holder != caseId)
                throw Refused(field, MediaError.InUse, $"The photo {id} belongs to another case.");
            if (m.CaseId is null && m.CreatedAt < oldest)
                throw Refused(field, MediaError.Expired, $"The photo {id} was uploaded more than {Limits.AttachWithin.TotalHours:0} h ago; upload it again.");
        }
    }

    static Engine.Errors.GraphQLException Refused(string field, string code, string message) =>
        new(message, new Dictionary<string, object?> { ["code"] = code, ["field"] = field });

    /// <summary>The case an upload is attached to, if any.</summary>
    public async Task<Guid?> CaseOfAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select case_id from cases.media where id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        return await cmd.ExecuteScalarAsync(ct) is Guid caseId ? caseId : null;
    }

    /// <summary>The bytes of a photo the public may see (or, for staff, any photo a case holds); null otherwise.</summary>
    public async Task<byte[]?> ReadAsync(Guid id, MediaVariant variant, bool staff, CancellationToken ct)
    {
        await using (var cmd = db.CreateCommand(staff
            ? "select exists (select 1 from cases.media where id = $1 and case_id is not null)"
            : """
              select exists (
                  select 1 from cases.media m join projections.public_cases p on p.case_id = m.case_id
                  where m.id = $1 and ($2 = any(p.photos) or $2 = any(p.after_photos) or $2 = any(p.progress_photos)))
              """))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = id });
            if (!staff) cmd.Parameters.Add(new NpgsqlParameter { Value = id.ToString() });
            if (await cmd.ExecuteScalarAsync(ct) is not true) return null;
        }
        return await blobs.GetAsync(id, variant, ct);
    }

    /// <summary>
    /// Removes uploads no case took within the time limit (with a margin over the check above), bytes first: a
    /// store that fails leaves the rows, so the next run tries the same uploads again instead of forgetting bytes
    /// it never removed. No case can take one in between, since <see cref="RequireAttachableAsync"/> refuses them.
    /// </summary>
    public async Task<int> RemoveUnattachedAsync(CancellationToken ct)
    {
        var before = clock.GetCurrentInstant() - Limits.AttachWithin - Duration.FromMinutes(10);
        var stale = new List<Guid>();
        await using (var cmd = db.CreateCommand("select id from cases.media where case_id is null and created_at < $1"))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = before.ToDateTimeUtc() });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) stale.Add(r.GetGuid(0));
        }
        if (stale.Count == 0) return 0;
        await blobs.DeleteAsync(stale, ct);
        return await DeleteRowsAsync([.. stale], ct);
    }

    async Task<int> DeleteRowsAsync(Guid[] ids, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("delete from cases.media where id = any($1) and case_id is null");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
