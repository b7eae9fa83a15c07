using Cases.Projections.Daemon;
using Npgsql;
using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>What the center's operators work on: cases to verify, to assign and to review.</summary>
public enum InboxStage { ToVerify, ToAssign, ToReview }

/// <summary>One case in the operators' inbox. Staff only: it holds the citizen's own description.</summary>
public sealed record InboxItem(
    Guid CaseId, string TrackingCode, string Kind, string Category, string Ward, string Priority, string Status,
    Instant ReceivedAt, Instant? VerifyDueAt, Instant? DueAt, string Description, double? Latitude, double? Longitude)
{
    /// <summary>The due time of the clock the stage is about: verification for cases to verify, the main clock otherwise.</summary>
    public Instant? StageDueAt => Status == "received" ? VerifyDueAt : DueAt;

    public IReadOnlyList<DuplicateSuggestion> Duplicates { get; init; } = [];
}

/// <summary>An open public case that may be the same problem: same category, within 100 m and 14 days.</summary>
public sealed record DuplicateSuggestion(string TrackingCode, string Category, string Ward, string PublicStatus, Instant ReceivedAt, int DistanceMeters);

/// <summary>
/// The operators' inbox (issue 13): the stage's cases from projections.agency_queues (every case, confidential ones
/// too, with its internal status) and their clocks from projections.sla_facts, most urgent first. The citizen's
/// description and exact place are only in the case's first event, on purpose (no read model copies what may hold
/// personal data), so they are read from it: one indexed look-up per listed case.
/// </summary>
public sealed class InboxQueries(NpgsqlDataSource db)
{
    public const int MaxItems = 200;
    public const int DuplicateMeters = 100;
    public static readonly Duration DuplicateWindow = Duration.FromDays(14);

    public async Task<IReadOnlyList<InboxItem>> InboxAsync(InboxStage stage, int limit, CancellationToken ct = default)
    {
        var status = stage switch { InboxStage.ToVerify => "received", InboxStage.ToAssign => "verified", _ => "resolved" };
        // A page of the stage first, in an order an index serves (0007; cases to verify by their verification due
        // time, 0009), then its clocks, then the description and place of the page's cases only: each stage costs a
        // page, not the cases waiting in it. (Ranking every case to verify by sla_facts cost 631 ms a request with
        // 10^4 waiting.)
        var (order, rank) = stage == InboxStage.ToVerify
            ? ("(q.priority = 'urgent') desc, q.verify_due_at, q.received_at, q.tracking_code",
               "(q.priority = 'urgent') desc, q.queue_verify_due_at, q.queue_received_at, q.tracking_code")
            : ("(q.priority = 'urgent') desc, q.effective_due_at, q.tracking_code",
               "(q.priority = 'urgent') desc, q.effective_due_at nulls last, f.received_at, q.tracking_code");
        await using var cmd = db.CreateCommand($"""
            with page as (
                select q.case_id, q.tracking_code, q.kind, q.category, q.ward, q.priority, q.status, q.effective_due_at,
                       q.verify_due_at as queue_verify_due_at, q.received_at as queue_received_at
                from projections.agency_queues q
                where q.status = $1 and ($1 <> 'verified' or q.agency is null)
                order by {order}
                limit $2
            ), ranked as (
                select q.*, f.received_at, f.verify_due_at, coalesce(f.extended_due_at, f.due_at) as due_at,
                       row_number() over (order by {rank}) as rank
                from page q
                join lateral (select * from projections.sla_facts f where f.case_id = q.case_id order by f.cycle desc limit 1) f on true
            )
            select q.case_id, q.tracking_code, q.kind, q.category, q.ward, q.priority, q.status, q.received_at, q.verify_due_at,
                   q.due_at, e.data ->> 'description',
                   (e.data -> 'location' ->> 'latitude')::float8, (e.data -> 'location' ->> 'longitude')::float8
            from ranked q
            join cases.mt_events e on e.stream_id = q.case_id and e.version = 1
            order by q.rank
            """).With(Param.Text(status), Param.Int(Math.Clamp(limit, 1, MaxItems)));
        var items = new List<InboxItem>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                items.Add(new InboxItem(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                    r.GetString(6), r.Time(7), r.TimeOrNull(8), r.TimeOrNull(9), r.IsDBNull(10) ? "" : r.GetString(10),
                    r.IsDBNull(11) ? null : r.GetDouble(11), r.IsDBNull(12) ? null : r.GetDouble(12)));
        if (stage != InboxStage.ToVerify) return items;

        var duplicates = await DuplicatesAsync(items.Where(i => i.Latitude is not null && i.Kind == "field_report").ToList(), ct);
        return items.Select(i => duplicates.TryGetValue(i.CaseId, out var d) ? i with { Duplicates = d } : i).ToList();
    }

    /// <summary>
    /// For each case, the open public cases of its category received within 14 days of it whose exact place (from
    /// their first event) lies within 100 m, nearest first. Candidates come from projections.public_cases through its
    /// index of open cases by category and latitude (migration 0008) and a box around the point, at most five per
    /// case; the distance is the haversine on the exact coordinates.
    /// </summary>
    async Task<Dictionary<Guid, IReadOnlyList<DuplicateSuggestion>>> DuplicatesAsync(IReadOnlyList<InboxItem> items, CancellationToken ct)
    {
        var result = new Dictionary<Guid, IReadOnlyList<DuplicateSuggestion>>();
        if (items.Count == 0) return result;
        await using var cmd = db.CreateCommand("""
            with inbox as (
                select * from unnest($1::uuid[], $2::text[], $3::float8[], $4::float8[], $5::timestamptz[]) as i(case_id, category, lat, lon, received_at)
            )
            select i.case_id, d.tracking_code, d.category, d.ward, d.public_status, d.received_at, d.meters
            from inbox i
            -- The limit keeps the search a per-item lateral one, so each item reads its own small index range.
            cross join lateral (
                select * from (
                    select p.tracking_code, p.category, p.ward, p.public_status, p.received_at,
                           round(2 * 6371000 * asin(sqrt(
                               power(sin(radians(x.lat - i.lat) / 2), 2)
                               + cos(radians(i.lat)) * cos(radians(x.lat)) * power(sin(radians(x.lon - i.lon) / 2), 2))))::int as meters
                    from projections.public_cases p
                    join cases.mt_events e on e.stream_id = p.case_id and e.version = 1
                    cross join lateral (select (e.data -> 'location' ->> 'latitude')::float8 as lat, (e.data -> 'location' ->> 'longitude')::float8 as lon) x
                    where p.category = i.category and p.case_id <> i.case_id
                      and p.latitude is not null and p.public_status not in ('resolved', 'closed', 'rejected')
                      and p.received_at between i.received_at - $6::interval and i.received_at + $6::interval
                      and p.latitude between i.lat - 0.002 and i.lat + 0.002 and p.longitude between i.lon - 0.002 and i.lon + 0.002
                ) c
                where c.meters <= $7
                order by c.meters, c.received_at
                limit 5
            ) d
            order by i.case_id, d.meters, d.received_at
            """).With(
            Param.UuidArray(items.Select(i => i.CaseId)),
            Param.TextArray(items.Select(i => i.Category)),
            Param.Of(items.Select(i => i.Latitude!.Value).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Double),
            Param.Of(items.Select(i => i.Longitude!.Value).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Double),
            Param.Of(items.Select(i => i.ReceivedAt.ToDateTimeUtc()).ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.TimestampTz),
            Param.Of(DuplicateWindow.ToTimeSpan(), NpgsqlTypes.NpgsqlDbType.Interval),
            Param.Int(DuplicateMeters));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var lists = new Dictionary<Guid, List<DuplicateSuggestion>>();
        while (await r.ReadAsync(ct))
        {
            var id = r.GetGuid(0);
            if (!lists.TryGetValue(id, out var list)) lists[id] = list = [];
            list.Add(new DuplicateSuggestion(r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.Time(5), r.GetInt32(6)));
        }
        foreach (var (id, list) in lists) result[id] = list;
        return result;
    }
}
