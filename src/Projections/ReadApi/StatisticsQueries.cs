using Cases.Projections.Daemon;
using Npgsql;
using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>
/// The statisticians' queries (DESIGN 0 and 5). Counts read projections.sla_monthly, pre-aggregated per month, so
/// their cost follows the number of cells, not of cases. What cannot be pre-aggregated reads projections.sla_facts
/// through an index on the step's time: percentiles (percentile_cont over the cases whose step fell in the period)
/// and "open at period end" (cases started before the end and not ended by it). agency_queues gives the backlog.
/// Confidential cases count in the aggregates (no case is identifiable from a count) but never appear by name.
/// </summary>
public sealed class StatisticsQueries(NpgsqlDataSource db)
{
    /// <summary>
    /// Late rate and on-time rate by group, with the counts behind them and open-and-overdue at period end, and the
    /// same figures for every group together (<see cref="LateRateReport.Total"/>).
    /// </summary>
    public async Task<LateRateReport> LateRatesAsync(StatisticsPeriod period, StatisticsGrouping grouping, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // The total comes from the same statement (grouping sets: each group, and the empty set for all of them), so
        // it is the table's own sum rather than an addition in C#, at no extra round trip. Over no rows at all the
        // empty set still gives one row, of null sums.
        var group = MonthlyGroup(grouping);
        var resolved = new Dictionary<string, (long Resolved, long OnTime, long Late)>();
        var resolvedTotal = (Resolved: 0L, OnTime: 0L, Late: 0L);
        await using (var cmd = new NpgsqlCommand($"""
            select grouping({group}) = 1, {group}, coalesce(sum(resolved), 0)::bigint, coalesce(sum(resolved_on_time), 0)::bigint,
                   coalesce(sum(resolved_late), 0)::bigint
            from projections.sla_monthly where month between $1 and $2
            group by grouping sets (({group}), ())
            """, conn).With(Param.Date(period.FirstMonth), Param.Date(period.LastMonth)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var counts = (r.GetInt64(2), r.GetInt64(3), r.GetInt64(4));
                if (r.GetBoolean(0)) resolvedTotal = counts;
                else resolved[r.GetString(1)] = counts;
            }

        // Open at an instant e: started before e and not ended by e. Overdue: its current due time is before e (the
        // verify clock's until verification, then the effective due time) and its clock is not paused at e waiting
        // for the citizen. Current due times and the current pause stand in for those at e: exact for the
        // current period, an approximation for past ones (sla_facts keeps no history of due times).
        var open = new Dictionary<string, (long Open, long Overdue)>();
        var openTotal = (Open: 0L, Overdue: 0L);
        if (grouping == StatisticsGrouping.Month)
        {
            await using var cmd = new NpgsqlCommand("""
                select to_char(m, 'YYYY-MM'), count(f.case_id), count(f.case_id) filter (where coalesce(f.extended_due_at, f.due_at, f.verify_due_at) < e.at and not coalesce(f.paused_at < e.at, false))
                from generate_series($1::date, $2::date, interval '1 month') m
                cross join lateral (select (m + interval '1 month')::timestamp at time zone 'Asia/Ho_Chi_Minh' as at) e
                left join projections.sla_facts f on f.cycle_started_at < e.at and (f.ended_at is null or f.ended_at >= e.at)
                group by 1
                """, conn).With(Param.Date(period.FirstMonth), Param.Date(period.LastMonth));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) open[r.GetString(0)] = (r.GetInt64(1), r.GetInt64(2));
            // Open cases are a stock, not a flow: over several months the total holds those open at the period's
            // end, which is where its last month ends (summing the months would count a case once per month).
            openTotal = open.GetValueOrDefault(MonthKey(period.To));
        }
        else
        {
            var facts = FactsGroup(grouping);
            await using var cmd = new NpgsqlCommand($"""
                select grouping({facts}) = 1, {facts}, count(*),
                       count(*) filter (where coalesce(extended_due_at, due_at, verify_due_at) < $1 and not coalesce(paused_at < $1, false))
                from projections.sla_facts
                where cycle_started_at < $1 and (ended_at is null or ended_at >= $1)
                group by grouping sets (({facts}), ())
                """, conn).With(Param.Time(period.End));
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var counts = (r.GetInt64(2), r.GetInt64(3));
                if (r.GetBoolean(0)) openTotal = counts;
                else open[r.GetString(1)] = counts;
            }
        }

        var rows = resolved.Keys.Union(open.Keys).Order(StringComparer.Ordinal)
            .Select(g => LateRow(g, resolved.GetValueOrDefault(g), open.GetValueOrDefault(g)))
            .Where(r => r.Resolved + r.OpenAtEnd > 0 || grouping == StatisticsGrouping.Month).ToList();
        return new LateRateReport(period, grouping, rows, LateRow("", resolvedTotal, openTotal), LateRateReport.Text);
    }

    static LateRateRow LateRow(string group, (long Resolved, long OnTime, long Late) resolved, (long Open, long Overdue) open) =>
        new(group, resolved.Resolved, resolved.OnTime, resolved.Late, open.Open, open.Overdue,
            Rate(resolved.Late, resolved.Resolved), Rate(resolved.OnTime, resolved.Resolved), Rate(open.Overdue, open.Open));

    /// <summary>Median and p90 working time to verify, assign and resolve, over all cases or by group.</summary>
    public async Task<DurationReport> DurationsAsync(StatisticsPeriod period, StatisticsGrouping? grouping = null, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var parts = new[] { (DurationStep.Verify, "verified_at", "verify_working_seconds"), (DurationStep.Assign, "assigned_at", "assign_working_seconds"),
            (DurationStep.Resolve, "resolved_at", "resolve_working_seconds") }
            .Select(s => $"""
                select {(grouping is { } g ? FactsGroup(g, s.Item2) : "''")}, {(int)s.Item1}, count(*),
                       percentile_cont(0.5) within group (order by {s.Item3}), percentile_cont(0.9) within group (order by {s.Item3})
                from projections.sla_facts where {s.Item2} >= $1 and {s.Item2} < $2 and {s.Item3} is not null
                group by 1
                """);
        var rows = new List<DurationRow>();
        await using (var cmd = new NpgsqlCommand(string.Join("\nunion all\n", parts) + "\norder by 1, 2", conn).With(Param.Time(period.Start), Param.Time(period.End)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                rows.Add(new DurationRow(r.GetString(0), (DurationStep)r.GetInt32(1), r.GetInt64(2), r.GetDouble(3) / 3600, r.GetDouble(4) / 3600));
        return new DurationReport(period, grouping, rows, DurationReport.Text);
    }

    /// <summary>The 1..5 rating histogram and the share satisfied, by group and for every group together.</summary>
    public async Task<SatisfactionReport> SatisfactionAsync(StatisticsPeriod period, StatisticsGrouping grouping, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var rows = new List<SatisfactionRow>();
        SatisfactionRow? total = null;
        var group = MonthlyGroup(grouping);
        // As in LateRatesAsync, the total is the empty grouping set of the same statement.
        await using (var cmd = new NpgsqlCommand($"""
            select grouping({group}) = 1, {group}, sum(rating_count)::bigint, sum(rating_sum)::bigint, sum(rating_1)::bigint, sum(rating_2)::bigint,
                   sum(rating_3)::bigint, sum(rating_4)::bigint, sum(rating_5)::bigint, sum(satisfied)::bigint
            from projections.sla_monthly where month between $1 and $2
            group by grouping sets (({group}), ()) having sum(rating_count) > 0 order by 1, 2
            """, conn).With(Param.Date(period.FirstMonth), Param.Date(period.LastMonth)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var n = r.GetInt64(2);
                var row = new SatisfactionRow(r.GetBoolean(0) ? "" : r.GetString(1), n, [r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8)],
                    r.GetInt64(9), Rate(r.GetInt64(9), n), n == 0 ? null : (double)r.GetInt64(3) / n);
                if (r.GetBoolean(0)) total = row;
                else rows.Add(row);
            }
        // No rating at all in the period: the having clause dropped the total too.
        total ??= new SatisfactionRow("", 0, [0, 0, 0, 0, 0], 0, null, null);
        return new SatisfactionReport(period, grouping, rows, total, SatisfactionReport.Text);
    }

    /// <summary>Open cases per agency at <paramref name="now"/> (the host's clock), by closeness to their due time.</summary>
    public async Task<IReadOnlyList<BacklogAgeingRow>> BacklogAgeingAsync(Instant now, string? agency = null, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            select agency, count(*),
                   count(*) filter (where not waiting_for_citizen and (effective_due_at is null or $1 < due_soon_at)),
                   count(*) filter (where not waiting_for_citizen and $1 >= due_soon_at and $1 < effective_due_at),
                   count(*) filter (where not waiting_for_citizen and $1 >= effective_due_at),
                   count(*) filter (where waiting_for_citizen)
            from projections.agency_queues
            where open and ($2::text is null or agency = $2)
            group by agency order by agency
            """).With(Param.Time(now), Param.Text(agency));
        var rows = new List<BacklogAgeingRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new BacklogAgeingRow(r.GetString(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5)));
        return rows;
    }

    static string MonthKey(YearMonth month) => $"{month.Year:D4}-{month.Month:D2}";

    static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    static string MonthlyGroup(StatisticsGrouping g) => g switch
    {
        StatisticsGrouping.Agency => "agency",
        StatisticsGrouping.Category => "category",
        StatisticsGrouping.Ward => "ward",
        StatisticsGrouping.Channel => "channel",
        StatisticsGrouping.Month => "to_char(month, 'YYYY-MM')",
        _ => throw new ArgumentOutOfRangeException(nameof(g), g, null),
    };

    /// <summary>The group of a fact row; for months, the local month of <paramref name="at"/> (the step's time).</summary>
    static string FactsGroup(StatisticsGrouping g, string at = "cycle_started_at") => g switch
    {
        StatisticsGrouping.Agency => "coalesce(lead_agency, '')",
        StatisticsGrouping.Month => $"to_char({at} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')",
        _ => MonthlyGroup(g),
    };
}
