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
    public async Task<LateRateReport> LateRatesAsync(StatisticsPeriod period, StatisticsGrouping grouping, CancellationToken ct = default) =>
        await LateRatesAsync(period, grouping, null, ct);

    /// <summary>
    /// The same, with each group of each month counted under the unit <paramref name="units"/> names for it (issue 24:
    /// a ward or agency that a reform replaced, under its successor). Null counts groups as recorded.
    /// </summary>
    public async Task<LateRateReport> LateRatesAsync(StatisticsPeriod period, StatisticsGrouping grouping, UnitRegrouping? units, CancellationToken ct = default)
    {
        // One read of sla_rollup for the grouping's dimension up to the period's last month: resolutions are summed
        // over the period's months, open cases are a stock, the running sum of the open/closed flows of every month
        // up to the one that ends at the instant asked. Rows read: groups x months of history, however many cases.
        // The stock uses each case's current due time and pause: exact for the current period, an approximation
        // for past ones (sla_facts keeps no history of due times).
        var byMonth = grouping == StatisticsGrouping.Month;
        var read = new List<(string Group, DateOnly Month, long Resolved, long OnTime, long Late, long Open, long Overdue)>();
        await using (var cmd = db.CreateCommand("""
            select grp, month, resolved, resolved_on_time, resolved_late, opened - closed, overdue_from - overdue_to
            from projections.sla_rollup where dimension = $1 and month <= $2
            """).With(Param.Text(Dimension(grouping)), Param.Date(period.LastMonth)))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                read.Add((r.GetString(0), r.GetFieldValue<DateOnly>(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)));
        // Regrouping is per (group, month) row of the rollup: a few thousand rows whatever the number of cases.
        if (units is { Identity: false })
            read = read.Select(x => x with { Group = units.Group(x.Group, x.Month) }).ToList();

        var inPeriod = read.Where(x => x.Month >= period.FirstMonth).ToList();
        var resolved = inPeriod.GroupBy(x => byMonth ? MonthKey(x.Month) : x.Group)
            .ToDictionary(g => g.Key, g => (g.Sum(x => x.Resolved), g.Sum(x => x.OnTime), g.Sum(x => x.Late)));
        var resolvedTotal = (inPeriod.Sum(x => x.Resolved), inPeriod.Sum(x => x.OnTime), inPeriod.Sum(x => x.Late));
        (long, long) Stock(IEnumerable<(string, DateOnly, long, long, long, long Open, long Overdue)> rows) =>
            (rows.Sum(x => x.Open), rows.Sum(x => x.Overdue));
        // Open cases are a stock, not a flow: by month, each month's figure is the stock at its end, and over the
        // period the total is the stock at the period's end (summing the months would count a case once per month).
        var open = byMonth
            ? Months(period).ToDictionary(MonthKey, m => Stock(read.Where(x => x.Month <= m)))
            : read.GroupBy(x => x.Group).ToDictionary(g => g.Key, g => Stock(g));
        var openTotal = Stock(read);

        var rows = resolved.Keys.Union(open.Keys).Order(StringComparer.Ordinal)
            .Select(g => LateRow(g, resolved.GetValueOrDefault(g), open.GetValueOrDefault(g)))
            .Where(r => r.Resolved + r.OpenAtEnd > 0 || byMonth).ToList();
        return new LateRateReport(period, grouping, rows, LateRow("", resolvedTotal, openTotal),
            units is null ? LateRateReport.Text : LateRateReport.Text + " " + units.Definition);
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
    public async Task<SatisfactionReport> SatisfactionAsync(StatisticsPeriod period, StatisticsGrouping grouping, CancellationToken ct = default) =>
        await SatisfactionAsync(period, grouping, null, ct);

    /// <summary>The same, regrouped as <see cref="LateRatesAsync(StatisticsPeriod, StatisticsGrouping, UnitRegrouping?, CancellationToken)"/>.</summary>
    public async Task<SatisfactionReport> SatisfactionAsync(StatisticsPeriod period, StatisticsGrouping grouping, UnitRegrouping? units, CancellationToken ct = default)
    {
        if (units is { Identity: false } && grouping != StatisticsGrouping.Month) return await SatisfactionRegroupedAsync(period, grouping, units, ct);
        var rows = new List<SatisfactionRow>();
        SatisfactionRow? total = null;
        var group = grouping == StatisticsGrouping.Month ? "to_char(month, 'YYYY-MM')" : "grp";
        // The total is the empty grouping set of the same statement: the table's own sum, at no extra round trip.
        await using (var cmd = db.CreateCommand($"""
            select grouping({group}) = 1, {group}, sum(rating_count)::bigint, sum(rating_sum)::bigint, sum(rating_1)::bigint, sum(rating_2)::bigint,
                   sum(rating_3)::bigint, sum(rating_4)::bigint, sum(rating_5)::bigint, sum(satisfied)::bigint
            from projections.sla_rollup where dimension = $3 and month between $1 and $2
            group by grouping sets (({group}), ()) having sum(rating_count) > 0 order by 1, 2
            """).With(Param.Date(period.FirstMonth), Param.Date(period.LastMonth), Param.Text(Dimension(grouping))))
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
        return new SatisfactionReport(period, grouping, rows, total, units is null ? SatisfactionReport.Text : SatisfactionReport.Text + " " + units.Definition);
    }

    async Task<SatisfactionReport> SatisfactionRegroupedAsync(StatisticsPeriod period, StatisticsGrouping grouping, UnitRegrouping units, CancellationToken ct)
    {
        var sums = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        // The months of each era of the map summed in SQL (the mapping is the same within an era): one row per group
        // and era, about as many as the unmapped report reads.
        var eras = units.Eras.ToArray();
        await using (var cmd = db.CreateCommand("""
            select grp, case when cardinality($4::date[]) = 0 then 0 else (select count(*)::int from unnest($4::date[]) b where b <= month) end as era,
                   sum(rating_count)::bigint, sum(rating_sum)::bigint, sum(rating_1)::bigint, sum(rating_2)::bigint, sum(rating_3)::bigint,
                   sum(rating_4)::bigint, sum(rating_5)::bigint, sum(satisfied)::bigint
            from projections.sla_rollup where dimension = $3 and month between $1 and $2 and rating_count > 0
            group by 1, 2
            """).With(Param.Date(period.FirstMonth), Param.Date(period.LastMonth), Param.Text(Dimension(grouping)),
                new NpgsqlParameter { Value = eras, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Date }))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var era = r.GetInt32(1);
                var key = units.Group(r.GetString(0), era == 0 ? period.FirstMonth : eras[era - 1]);
                if (!sums.TryGetValue(key, out var s)) sums[key] = s = new long[8];
                for (var i = 0; i < 8; i++) s[i] += r.GetInt64(2 + i);
            }
        static SatisfactionRow Row(string group, long[] s) =>
            new(group, s[0], [s[2], s[3], s[4], s[5], s[6]], s[7], Rate(s[7], s[0]), s[0] == 0 ? null : (double)s[1] / s[0]);
        var total = new long[8];
        foreach (var s in sums.Values) for (var i = 0; i < 8; i++) total[i] += s[i];
        return new SatisfactionReport(period, grouping, sums.Select(kv => Row(kv.Key, kv.Value)).ToList(), Row("", total),
            SatisfactionReport.Text + " " + units.Definition);
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

    static IEnumerable<DateOnly> Months(StatisticsPeriod period)
    {
        for (var m = period.FirstMonth; m <= period.LastMonth; m = m.AddMonths(1)) yield return m;
    }

    static string MonthKey(DateOnly month) => $"{month.Year:D4}-{month.Month:D2}";

    /// <summary>sla_rollup's dimension for a grouping; months group the 'all' rows.</summary>
    static string Dimension(StatisticsGrouping g) => g switch
    {
        StatisticsGrouping.Agency => "agency",
        StatisticsGrouping.Category => "category",
        StatisticsGrouping.Ward => "ward",
        StatisticsGrouping.Channel => "channel",
        StatisticsGrouping.Month => "all",
        _ => throw new ArgumentOutOfRangeException(nameof(g), g, null),
    };

    static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>The group of a fact row; for months, the local month of <paramref name="at"/> (the step's time).</summary>
    static string FactsGroup(StatisticsGrouping g, string at) => g switch
    {
        StatisticsGrouping.Agency => "coalesce(lead_agency, '')",
        StatisticsGrouping.Month => $"to_char({at} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM')",
        _ => Dimension(g), // category, ward and channel are sla_facts' column names too
    };
}
