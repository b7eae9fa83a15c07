using Cases.Projections.Daemon;
using Npgsql;
using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>An agency's work list (projections.agency_queues): its open cases, soonest due first. For the agency role only.</summary>
public sealed class AgencyQueries(NpgsqlDataSource db)
{
    public const int MaxItems = 500;

    /// <param name="status">Only cases in this internal status (e.g. <c>assigned</c>, <c>in_progress</c>), when given.</param>
    /// <param name="category">Only cases of this category, when given.</param>
    public async Task<IReadOnlyList<AgencyQueueItem>> QueueAsync(
        string agency, int limit = 100, CancellationToken ct = default, string? status = null, string? category = null)
    {
        await using var cmd = db.CreateCommand("""
            select tracking_code, kind, category, priority, ward, confidential, status, assigned_at, accept_due_at, accepted,
                   due_at, extended_due_at, effective_due_at, waiting_for_citizen
            from projections.agency_queues
            where open and agency = $1 and ($3::text is null or status = $3) and ($4::text is null or category = $4)
            order by effective_due_at nulls last, tracking_code
            limit $2
            """).With(Param.Text(agency), Param.Int(Math.Clamp(limit, 1, MaxItems)), Param.Text(status), Param.Text(category));
        var items = new List<AgencyQueueItem>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            items.Add(new AgencyQueueItem(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetBoolean(5),
                r.GetString(6), r.TimeOrNull(7), r.TimeOrNull(8), r.GetBoolean(9), r.TimeOrNull(10), r.TimeOrNull(11), r.TimeOrNull(12), r.GetBoolean(13)));
        return items;
    }

    /// <summary>
    /// The agency's open cases counted by <see cref="QueueUrgency"/> at <paramref name="now"/>. Overdue and far-off
    /// cases are counted in SQL; only those due within 14 days (more than any holiday run) are judged in working time.
    /// </summary>
    public async Task<(long Overdue, long DueSoon, long OnTrack)> CountsAsync(
        string agency, Instant now, Func<Instant, Instant, Duration> workingTimeBetween, Duration workingDay, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            select count(*) filter (where effective_due_at <= $2),
                   count(*) filter (where effective_due_at is null or effective_due_at > $2 + interval '14 days'),
                   coalesce(array_agg(effective_due_at) filter (where effective_due_at > $2 and effective_due_at <= $2 + interval '14 days'), '{}')
            from projections.agency_queues where open and agency = $1
            """).With(Param.Text(agency), Param.Time(now));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        var near = r.GetFieldValue<DateTime[]>(2).Select(d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc))).ToList();
        var soon = near.Count(due => workingTimeBetween(now, due) <= workingDay);
        return (r.GetInt64(0), soon, r.GetInt64(1) + near.Count - soon);
    }
}
