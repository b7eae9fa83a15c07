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

    /// <summary>The report's photos (upload ids), for thumbnails.</summary>
    public IReadOnlyList<string> MediaRefs { get; init; } = [];
    public string? Channel { get; init; }

    /// <summary>Why the case is back (reopened, returned, answered), the reason and when; see AgencyQueuesProjection.</summary>
    public string? Flag { get; init; }
    public string? FlagReason { get; init; }
    public Instant? FlagAt { get; init; }
    public Instant? ResolvedAt { get; init; }

    /// <summary>The keyset cursor after this item, in its stage's order.</summary>
    public string Cursor { get; init; } = "";
}

/// <summary>An open public case that may be the same problem: same category, within 100 m and 14 days.</summary>
public sealed record DuplicateSuggestion(string TrackingCode, string Category, string Ward, string PublicStatus, Instant ReceivedAt, int DistanceMeters);

/// <summary>How many cases each stage holds (with the same filter as the page).</summary>
public sealed record InboxCounts(long ToVerify, long ToAssign, long ToReview);

/// <summary>
/// The operators' inbox (issues 13, 20): the stage's cases from projections.agency_queues (every case, confidential
/// ones too, with its internal status and, for search and duplicates, its description with contacts masked and its
/// exact place: migration 0014) and their clocks from projections.sla_facts, read a page at a time by keyset in the
/// stage's order. What the citizen wrote, as written, and the photos are read from the case's first event for the
/// page's cases only (no read model copies the description as written: it may hold the reporter's contacts).
/// </summary>
public sealed class InboxQueries(NpgsqlDataSource db, ReadModelCache? cache = null)
{
    public const int MaxItems = 200;
    public const int DuplicateMeters = 100;
    public static readonly Duration DuplicateWindow = Duration.FromDays(14);

    /// <summary>Stands in for a missing time in a sort key, so keys compare as rows (a null never does).</summary>
    internal const string Far = "'9999-12-31 00:00:00+00'::timestamptz";

    /// <summary>
    /// Each stage's rows and order, every key ascending so the keyset is one row comparison that migration 0011's
    /// indexes serve: cases to verify urgent first, then by their verification due time and time received; cases to
    /// assign urgent first, then by due time; resolutions to review in the order they came in.
    /// </summary>
    static (string Where, (string Expr, string Type)[] Key) Stage(InboxStage stage) => stage switch
    {
        InboxStage.ToVerify => ("q.status = 'received'",
            [("(q.priority <> 'urgent')", "boolean"), ($"coalesce(q.verify_due_at, {Far})", "timestamptz"),
             ($"coalesce(q.received_at, {Far})", "timestamptz"), ("q.tracking_code", "text")]),
        InboxStage.ToAssign => ("q.status = 'verified' and q.agency is null",
            [("(q.priority <> 'urgent')", "boolean"), ($"coalesce(q.effective_due_at, {Far})", "timestamptz"), ("q.tracking_code", "text")]),
        _ => ("q.status = 'resolved'", [($"coalesce(q.resolved_at, {Far})", "timestamptz"), ("q.tracking_code", "text")]),
    };

    /// <summary>The filter's conditions on agency_queues q, parameters from <paramref name="first"/> on.</summary>
    internal static (string Sql, NpgsqlParameter[] Parameters) Conditions(TriageFilter f, int first) => ($"""
        (${first}::text is null or q.category = ${first})
        and (${first + 1}::text is null or q.ward = ${first + 1})
        and (${first + 2}::text is null or q.channel = ${first + 2})
        and (${first + 3}::text is null or q.tracking_code like ${first + 3} || '%')
        and (${first + 4}::text is null or q.search_text ilike ${first + 4})
        """, [Param.Text(f.Category), Param.Text(f.Ward), Param.Text(f.Channel), Param.Text(f.CodePrefix), Param.Text(f.TextPattern)]);

    public Task<IReadOnlyList<InboxItem>> InboxAsync(InboxStage stage, int limit, CancellationToken ct = default) =>
        InboxAsync(stage, limit, null, TriageFilter.None, ct);

    /// <param name="after">A cursor from an item of an earlier page of the same stage (<see cref="InboxItem.Cursor"/>).</param>
    /// <exception cref="FormatException">The cursor is not one this stage gave.</exception>
    public Task<IReadOnlyList<InboxItem>> InboxAsync(InboxStage stage, int limit, string? after, TriageFilter filter, CancellationToken ct = default) =>
        cache is null ? LoadInboxAsync(stage, limit, after, filter, ct)
            : cache.GetAsync($"inbox|{stage}|{limit}|{after}|{filter}", ReadModelCache.AllModels, () => LoadInboxAsync(stage, limit, after, filter, ct), ct);

    async Task<IReadOnlyList<InboxItem>> LoadInboxAsync(InboxStage stage, int limit, string? after, TriageFilter filter, CancellationToken ct)
    {
        var (where, key) = Stage(stage);
        var afterKey = TriageCursor.Decode(after, key.Length);
        var keyRow = string.Join(", ", key.Select(k => k.Expr));
        var keyText = string.Join(", ", key.Select(k => $"({k.Expr})::text"));
        var (conditions, parameters) = Conditions(filter, 2);
        var keyset = afterKey is null ? "true"
            : $"({keyRow}) > ({string.Join(", ", key.Select((k, i) => $"${7 + i}::{k.Type}"))})";
        // A page of the stage first, in an order an index serves, then its clocks, then the description and photos of
        // the page's cases only: each stage costs a page, not the cases waiting in it.
        await using var cmd = db.CreateCommand($"""
            with page as (
                select q.case_id, q.tracking_code, q.kind, q.category, q.ward, q.priority, q.status, q.channel, q.flag,
                       q.flag_reason, q.flag_at, q.resolved_at, q.latitude, q.longitude,
                       array[{keyText}] as key, row_number() over (order by {keyRow}) as rank
                from (select q.* from projections.agency_queues q
                      where {where} and {keyset} and {conditions}
                      order by {keyRow}
                      limit $1) q
            )
            select q.case_id, q.tracking_code, q.kind, q.category, q.ward, q.priority, q.status, f.received_at, f.verify_due_at,
                   coalesce(f.extended_due_at, f.due_at), e.data ->> 'description', q.latitude, q.longitude,
                   coalesce(array(select jsonb_array_elements_text(e.data -> 'mediaRefs')), array[]::text[]),
                   q.channel, q.flag, q.flag_reason, q.flag_at, q.resolved_at, q.key
            from page q
            join lateral (select * from projections.sla_facts f where f.case_id = q.case_id order by f.cycle desc limit 1) f on true
            join cases.mt_events e on e.stream_id = q.case_id and e.version = 1
            order by q.rank
            """).With([Param.Int(Math.Clamp(limit, 1, MaxItems)), .. parameters, .. (afterKey ?? []).Select(Param.Text)]);
        var items = new List<InboxItem>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                items.Add(new InboxItem(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                    r.GetString(6), r.Time(7), r.TimeOrNull(8), r.TimeOrNull(9), r.IsDBNull(10) ? "" : r.GetString(10),
                    r.IsDBNull(11) ? null : r.GetDouble(11), r.IsDBNull(12) ? null : r.GetDouble(12))
                {
                    MediaRefs = r.GetFieldValue<string[]>(13), Channel = r.TextOrNull(14), Flag = r.TextOrNull(15),
                    FlagReason = r.TextOrNull(16), FlagAt = r.TimeOrNull(17), ResolvedAt = r.TimeOrNull(18),
                    Cursor = TriageCursor.Encode(r.GetFieldValue<string[]>(19)),
                });
        if (stage != InboxStage.ToVerify) return items;

        var duplicates = await DuplicatesAsync(items.Where(i => i.Latitude is not null && i.Kind == "field_report").ToList(), ct);
        return items.Select(i => duplicates.TryGetValue(i.CaseId, out var d) ? i with { Duplicates = d } : i).ToList();
    }

    /// <summary>
    /// Each stage's number of cases under the filter. Unfiltered, one pass over index agency_queues_inbox_counts alone;
    /// a search goes through the description's trigram index first (migration 0014).
    /// </summary>
    public Task<InboxCounts> CountsAsync(TriageFilter filter, CancellationToken ct = default) =>
        cache is null ? LoadCountsAsync(filter, ct)
            : cache.GetAsync($"inbox-counts|{filter}", ReadModelCache.AgencyQueues, () => LoadCountsAsync(filter, ct), ct);

    async Task<InboxCounts> LoadCountsAsync(TriageFilter filter, CancellationToken ct)
    {
        var (conditions, parameters) = Conditions(filter, 1);
        await using var cmd = db.CreateCommand($"""
            select count(*) filter (where q.status = 'received'),
                   count(*) filter (where q.status = 'verified' and q.agency is null),
                   count(*) filter (where q.status = 'resolved')
            from projections.agency_queues q
            where q.status in ('received', 'verified', 'resolved') and {conditions}
            """).With(parameters);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new InboxCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2));
    }

    /// <summary>The duplicate suggestions of one report (the staff case page), as the inbox gives them.</summary>
    public async Task<IReadOnlyList<DuplicateSuggestion>> DuplicatesOfAsync(
        Guid caseId, string category, double latitude, double longitude, Instant receivedAt, CancellationToken ct = default)
    {
        var item = new InboxItem(caseId, "", "field_report", category, "", "", "", receivedAt, null, null, "", latitude, longitude);
        return (await DuplicatesAsync([item], ct)).GetValueOrDefault(caseId) ?? [];
    }

    /// <summary>
    /// For each case, the open public cases of its category received within 14 days of it whose exact place lies
    /// within 100 m, nearest first, at most five per case. Candidates come from agency_queues' exact places through
    /// index agency_queues_nearby (category, place, time; migration 0014) in a box around the point just larger than
    /// 100 m; the distance is the haversine; projections.public_cases says which of them the public sees, and as what.
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
                select p.tracking_code, p.category, p.ward, p.public_status, p.received_at, c.meters
                from (
                    select x.case_id, round(2 * 6371000 * asin(sqrt(
                               power(sin(radians(x.latitude - i.lat) / 2), 2)
                               + cos(radians(i.lat)) * cos(radians(x.latitude)) * power(sin(radians(x.longitude - i.lon) / 2), 2))))::int as meters
                    from projections.agency_queues x
                    -- The box: 0.001 degree of latitude is 111 m, of longitude 111 m times the cosine of the latitude;
                    -- its three strips of latitude name index agency_queues_nearby's ranges (migration 0014).
                    where x.category = i.category and x.case_id <> i.case_id
                      and x.latitude is not null and x.status not in ('closed', 'rejected', 'duplicate', 'withdrawn')
                      and floor(x.latitude * 1000)::int = any (array[floor((i.lat - 0.001) * 1000)::int, floor(i.lat * 1000)::int, floor((i.lat + 0.001) * 1000)::int])
                      and x.latitude between i.lat - 0.001 and i.lat + 0.001
                      and x.longitude between i.lon - 0.001 / cos(radians(i.lat)) and i.lon + 0.001 / cos(radians(i.lat))
                      and x.received_at between i.received_at - $6::interval and i.received_at + $6::interval
                ) c
                join projections.public_cases p on p.case_id = c.case_id
                where c.meters <= $7 and p.public_status not in ('resolved', 'closed', 'rejected')
                order by c.meters, p.received_at
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
