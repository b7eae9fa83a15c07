using Cases.Projections.Daemon;
using Npgsql;
using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>An agency's work list (projections.agency_queues): its open cases, soonest due first. For the agency role only.</summary>
/// <remarks>With a <see cref="ReadModelCache"/>, pages and counts are answered from memory while agency_queues has not moved.</remarks>
public sealed class AgencyQueries(NpgsqlDataSource db, ReadModelCache? cache = null)
{
    public const int MaxItems = 500;

    /// <param name="status">Only cases in this internal status (e.g. <c>assigned</c>, <c>in_progress</c>), when given.</param>
    /// <param name="category">Only cases of this category, when given.</param>
    public Task<IReadOnlyList<AgencyQueueItem>> QueueAsync(
        string agency, int limit = 100, CancellationToken ct = default, string? status = null, string? category = null) =>
        QueueAsync(agency, limit, null, status, new TriageFilter(Category: category), ct);

    /// <summary>
    /// A page of the agency's open cases, soonest due first (no due time last), after the keyset cursor
    /// <paramref name="after"/> (<see cref="AgencyQueueItem.Cursor"/>), under the filter (index agency_queues_open_keyset, 0011).
    /// </summary>
    /// <exception cref="FormatException">The cursor is not one this list gave.</exception>
    public Task<IReadOnlyList<AgencyQueueItem>> QueueAsync(
        string agency, int limit, string? after, string? status, TriageFilter filter, CancellationToken ct = default) =>
        cache is null ? LoadQueueAsync(agency, limit, after, status, filter, ct)
            : cache.GetAsync($"queue|{agency}|{limit}|{after}|{status}|{filter}", ReadModelCache.AgencyQueues,
                () => LoadQueueAsync(agency, limit, after, status, filter, ct), ct);

    async Task<IReadOnlyList<AgencyQueueItem>> LoadQueueAsync(
        string agency, int limit, string? after, string? status, TriageFilter filter, CancellationToken ct)
    {
        var afterKey = TriageCursor.Decode(after, 2);
        var (conditions, parameters) = InboxQueries.Conditions(filter, 4);
        var key = $"coalesce(q.effective_due_at, {InboxQueries.Far}), q.tracking_code";
        await using var cmd = db.CreateCommand($"""
            select q.tracking_code, q.kind, q.category, q.priority, q.ward, q.confidential, q.status, q.assigned_at, q.accept_due_at,
                   q.accepted, q.due_at, q.extended_due_at, q.effective_due_at, q.waiting_for_citizen, q.flag, q.flag_reason, q.flag_at,
                   q.channel, array[coalesce(q.effective_due_at, {InboxQueries.Far})::text, q.tracking_code]
            from projections.agency_queues q
            where q.open and q.agency = $1 and ($3::text is null or q.status = $3) and {conditions}
              and ($9::text is null or ({key}) > ($9::timestamptz, $10::text))
            order by {key}
            limit $2
            """).With([Param.Text(agency), Param.Int(Math.Clamp(limit, 1, MaxItems)), Param.Text(status), .. parameters,
                Param.Text(afterKey?[0]), Param.Text(afterKey?[1])]);
        var items = new List<AgencyQueueItem>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            items.Add(new AgencyQueueItem(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetBoolean(5),
                r.GetString(6), r.TimeOrNull(7), r.TimeOrNull(8), r.GetBoolean(9), r.TimeOrNull(10), r.TimeOrNull(11), r.TimeOrNull(12), r.GetBoolean(13))
            {
                Flag = r.TextOrNull(14), FlagReason = r.TextOrNull(15), FlagAt = r.TimeOrNull(16), Channel = r.TextOrNull(17),
                Cursor = TriageCursor.Encode(r.GetFieldValue<string[]>(18)),
            });
        return items;
    }

    /// <summary>The agency's open cases under the filter (the queue's count beside its page).</summary>
    public Task<long> CountAsync(string agency, string? status, TriageFilter filter, CancellationToken ct = default) =>
        cache is null ? LoadCountAsync(agency, status, filter, ct)
            : cache.GetAsync($"queue-count|{agency}|{status}|{filter}", ReadModelCache.AgencyQueues, () => LoadCountAsync(agency, status, filter, ct), ct);

    async Task<long> LoadCountAsync(string agency, string? status, TriageFilter filter, CancellationToken ct)
    {
        var (conditions, parameters) = InboxQueries.Conditions(filter, 3);
        await using var cmd = db.CreateCommand($"""
            select count(*) from projections.agency_queues q
            where q.open and q.agency = $1 and ($2::text is null or q.status = $2) and {conditions}
            """).With([Param.Text(agency), Param.Text(status), .. parameters]);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// The agency's open cases counted by <see cref="QueueUrgency"/> at <paramref name="now"/>. Overdue and far-off
    /// cases are counted by their due times alone; only those due within 14 days (more than any holiday run) are judged
    /// in working time. The due times are read (or taken from the cache) once, and counted at <paramref name="now"/>.
    /// </summary>
    public async Task<(long Overdue, long DueSoon, long OnTrack)> CountsAsync(
        string agency, Instant now, Func<Instant, Instant, Duration> workingTimeBetween, Duration workingDay, CancellationToken ct = default)
    {
        var (dues, undated) = cache is null ? await LoadDueTimesAsync(agency, ct)
            : await cache.GetAsync($"queue-due|{agency}", ReadModelCache.AgencyQueues, () => LoadDueTimesAsync(agency, ct), ct);
        long overdue = 0, soon = 0, later = undated;
        foreach (var due in dues)
            if (due <= now) overdue++;
            else if (due > now + Duration.FromDays(14)) later++;
            else if (workingTimeBetween(now, due) <= workingDay) soon++;
            else later++;
        return (overdue, soon, later);
    }

    /// <summary>The due times of the agency's open cases, and how many have none.</summary>
    async Task<(Instant[] Dues, long Undated)> LoadDueTimesAsync(string agency, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select coalesce(array_agg(effective_due_at) filter (where effective_due_at is not null), '{}'),
                   count(*) filter (where effective_due_at is null)
            from projections.agency_queues where open and agency = $1
            """).With(Param.Text(agency));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var dues = r.GetFieldValue<DateTime[]>(0).Select(d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc))).ToArray();
        return (dues, r.GetInt64(1));
    }
}
