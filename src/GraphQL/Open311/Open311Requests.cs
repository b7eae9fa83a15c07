using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace Cases.GraphQL.Open311;

/// <summary>What <c>GET requests</c> asks for, checked (<see cref="Open311Query"/>).</summary>
public sealed record RequestsQuery(
    IReadOnlyList<string>? Ids, string? Category, Instant From, Instant To, IReadOnlyList<string>? PublicStatuses, int Page, int PageSize, bool Extensions);

/// <summary>One public step of a request, for <c>extensions=true</c>.</summary>
public sealed record RequestStep(Instant At, string Step, string? Agency, string? Text);

/// <summary>A request as Open311 shows it: the public view of a field report (projections.public_cases), never more.</summary>
public sealed record Open311Request(
    string TrackingCode, string Category, string PublicStatus, double? Latitude, double? Longitude, string Ward, Instant ReceivedAt,
    Instant UpdatedAt, Instant? ExpectedAt, string? Summary, string[] Photos, string? AgencyName)
{
    public IReadOnlyList<RequestStep> Steps { get; set; } = [];

    /// <summary>GeoReport v2 knows open and closed only; the detailed status is in <c>status_notes</c> and the extensions.</summary>
    public string Status => PublicStatus is "resolved" or "closed" or "rejected" ? "closed" : "open";
}

/// <summary>
/// GeoReport v2 "GET Service Requests" and "GET Service Request", read from the public read models only
/// (projections.public_cases, public_timeline): no reporter data is within reach of this SQL, confidential reports
/// have no row, and dossiers are left out (they are procedures, not service requests).
/// </summary>
public sealed class Open311Requests(NpgsqlDataSource db)
{
    const string Select = """
        select p.tracking_code, p.category, p.public_status, p.latitude, p.longitude, p.ward, p.received_at, p.updated_at,
               case when p.public_status in ('resolved', 'closed', 'rejected') then null
                    else coalesce(p.extended_due_at, p.due_at, p.verify_due_at) end,
               p.public_summary, p.photos, a.name
        from projections.public_cases p left join cases.agencies a on a.id = p.lead_agency
        """;

    public async Task<IReadOnlyList<Open311Request>> ListAsync(RequestsQuery q, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // A list of ids overrides every other filter (GeoReport v2); otherwise the window on received_at uses the
        // (received_at desc, tracking_code) index, and category and status are "null or equal" filters.
        await using var cmd = new NpgsqlCommand($"""
            {Select}
            where p.kind = 'field_report'
              and (case when $1::text[] is not null then p.tracking_code = any($1)
                   else p.received_at >= $2 and p.received_at <= $3 and ($4::text is null or p.category = $4)
                        and ($5::text[] is null or p.public_status = any($5)) end)
            order by p.received_at desc, p.tracking_code
            limit $6 offset $7
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)q.Ids?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = q.From.ToDateTimeUtc(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = q.To.ToDateTimeUtc(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)q.Category ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)q.PublicStatuses?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = q.PageSize });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (q.Page - 1) * q.PageSize });
        var list = new List<Open311Request>(Math.Min(q.PageSize, 1000));
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) list.Add(Read(r));
        if (q.Extensions && list.Count > 0) await AddStepsAsync(conn, list, ct);
        return list;
    }

    static Open311Request Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetDouble(3), r.IsDBNull(4) ? null : r.GetDouble(4),
        r.GetString(5), Instant.FromDateTimeUtc(r.GetDateTime(6)), Instant.FromDateTimeUtc(r.GetDateTime(7)),
        r.IsDBNull(8) ? null : Instant.FromDateTimeUtc(r.GetDateTime(8)), r.IsDBNull(9) ? null : r.GetString(9),
        r.GetFieldValue<string[]>(10), r.IsDBNull(11) ? null : r.GetString(11));

    static async Task AddStepsAsync(NpgsqlConnection conn, List<Open311Request> list, CancellationToken ct)
    {
        var byCode = list.ToDictionary(x => x.TrackingCode);
        var steps = byCode.Keys.ToDictionary(k => k, _ => new List<RequestStep>());
        await using var cmd = new NpgsqlCommand("""
            select t.tracking_code, t.occurred_at, t.step, a.name, t.public_text
            from projections.public_timeline t left join cases.agencies a on a.id = t.agency
            where t.tracking_code = any($1) order by t.tracking_code, t.version
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = byCode.Keys.ToArray() });
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                steps[r.GetString(0)].Add(new RequestStep(Instant.FromDateTimeUtc(r.GetDateTime(1)), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4)));
        foreach (var (code, s) in steps) byCode[code].Steps = s;
    }
}
