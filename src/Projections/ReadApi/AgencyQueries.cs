using Cases.Projections.Daemon;
using Npgsql;

namespace Cases.Projections.ReadApi;

/// <summary>An agency's work list (projections.agency_queues): its open cases, soonest due first. For the agency role only.</summary>
public sealed class AgencyQueries(NpgsqlDataSource db)
{
    public const int MaxItems = 500;

    public async Task<IReadOnlyList<AgencyQueueItem>> QueueAsync(string agency, int limit = 100, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            select tracking_code, kind, category, priority, ward, confidential, status, assigned_at, accept_due_at, accepted,
                   due_at, extended_due_at, effective_due_at, waiting_for_citizen
            from projections.agency_queues
            where open and agency = $1
            order by effective_due_at nulls last, tracking_code
            limit $2
            """).With(Param.Text(agency), Param.Int(Math.Clamp(limit, 1, MaxItems)));
        var items = new List<AgencyQueueItem>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            items.Add(new AgencyQueueItem(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetBoolean(5),
                r.GetString(6), r.TimeOrNull(7), r.TimeOrNull(8), r.GetBoolean(9), r.TimeOrNull(10), r.TimeOrNull(11), r.TimeOrNull(12), r.GetBoolean(13)));
        return items;
    }
}
