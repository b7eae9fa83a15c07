using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace Cases.GraphQL.Open311;

/// <summary>
/// mySociety's <c>GET servicerequestupdates</c> (the extension FixMyStreet reads to follow requests it sent): one
/// update per public step in a window of time, from projections.public_timeline. Which step maps to which of the
/// extended statuses is the table below; steps that say nothing a 311 client shows (received, classified,
/// deadlines, ratings, information requests) are not updates.
/// </summary>
public sealed class ServiceRequestUpdates(NpgsqlDataSource db)
{
    /// <summary>Public step → (extended status, the text when the step carries no public words of its own).</summary>
    public static readonly IReadOnlyDictionary<string, (string Status, string Text)> Steps = new Dictionary<string, (string, string)>
    {
        ["verified"] = ("investigating", "Phản ánh đã được xác minh và đang được chuyển đến cơ quan xử lý."),
        ["assigned"] = ("action_scheduled", "Phản ánh đã được giao cho cơ quan xử lý."),
        ["transferred"] = ("action_scheduled", "Phản ánh đã được chuyển cho cơ quan khác xử lý."),
        ["progress"] = ("in_progress", "Cơ quan xử lý đã cập nhật tiến độ."),
        ["resolved"] = ("fixed", "Phản ánh đã được xử lý."),
        ["reopened"] = ("open", "Người phản ánh đã mở lại phản ánh vì chưa được xử lý dứt điểm."),
        ["closed"] = ("closed", "Phản ánh đã kết thúc."),
        ["duplicate_linked"] = ("duplicate", "Phản ánh trùng với một phản ánh trước đó về cùng sự việc."),
        // A rejected report is one the center will not act on (no evidence, out of scope): the reason says which.
        ["rejected"] = ("no_further_action", "Phản ánh không được tiếp nhận."),
    };

    // The texts the projection writes itself (in English, for the site to translate by step): not shown here.
    static readonly HashSet<string> StepsWithOwnText = ["progress", "resolved", "rejected", "transferred"];

    public sealed record Update(string TrackingCode, long Version, Instant At, string Step, string? AgencyName, string? Text, string[] AfterPhotos);

    public async Task<IReadOnlyList<Update>> ListAsync(Instant from, Instant to, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select t.tracking_code, t.version, t.occurred_at, t.step, a.name, t.public_text, p.after_photos
            from projections.public_timeline t
            join projections.public_cases p on p.case_id = t.case_id
            left join cases.agencies a on a.id = t.agency
            where p.kind = 'field_report' and t.occurred_at >= $1 and t.occurred_at <= $2 and t.step = any($3)
            order by t.occurred_at, t.tracking_code, t.version
            limit $4
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = from.ToDateTimeUtc(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = to.ToDateTimeUtc(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Steps.Keys.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var list = new List<Update>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new Update(r.GetString(0), r.GetInt64(1), Instant.FromDateTimeUtc(r.GetDateTime(2)), r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetFieldValue<string[]>(6)));
        return list;
    }

    public static void Write(Open311Writer w, IReadOnlyList<Update> updates, string baseUrl)
    {
        w.BeginArray("service_request_updates");
        foreach (var u in updates)
        {
            var (status, text) = Steps[u.Step];
            var description = u.Step switch
            {
                // The public words of the step: the agency's note, its answer, the reason of a rejection or transfer.
                _ when StepsWithOwnText.Contains(u.Step) && u.Text is { Length: > 0 } own => own,
                "assigned" when u.AgencyName is { } agency => $"Phản ánh đã được giao cho {agency}.",
                _ => text,
            };
            w.BeginObject("request_update");
            w.Field("update_id", $"{u.TrackingCode}-{u.Version}");
            w.Field("service_request_id", u.TrackingCode);
            w.Field("status", status);
            w.Field("updated_datetime", Open311Time.Format(u.At));
            w.Field("description", description);
            w.Field("media_url", u.Step == "resolved" && u.AfterPhotos.Length > 0 ? RequestDocument.PhotoUrl(baseUrl, u.AfterPhotos[0]) : null);
            w.EndObject();
        }
        w.EndArray();
    }
}
