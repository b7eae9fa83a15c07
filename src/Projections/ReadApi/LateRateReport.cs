namespace Cases.Projections.ReadApi;

/// <summary>
/// The late-rate table, published with its definition (DESIGN 2.4). <see cref="Total"/> holds every group together
/// over the period (its <c>Group</c> is empty): its resolved counts are the sums of the rows', and so are its open
/// counts, except by month, where they are those open at the period end (the last month's).
/// </summary>
public sealed record LateRateReport(StatisticsPeriod Period, StatisticsGrouping Grouping, IReadOnlyList<LateRateRow> Rows, LateRateRow Total, string Definition)
{
    public const string Text =
        "Late rate: late resolved ÷ resolved in the period. On-time rate: resolved on time ÷ resolved in the period. "
        + "Open-overdue rate: open and overdue ÷ open at period end. A case is late when resolved after its effective due time "
        + "(an approved extension replaces the original; an apology does not). Each resolution counts in the month it happened, "
        + "a reopened report's cycles separately. Rejected, duplicate and withdrawn cases are outside the denominators. "
        + "Months and the period end are local time, Asia/Ho_Chi_Minh. The total counts every group together; "
        + "its open figures are those at the end of the whole period.";

    public const string RankingText =
        "Agencies are ranked by late-or-overdue rate: (late resolved + open and overdue at period end) ÷ (resolved + open and "
        + "overdue at period end), lowest first; ties by more cases counted, then by agency id. A case left open past its "
        + "due time counts against the agency as a late resolution would, so not resolving never improves a place. "
        + "Only agencies with at least the minimum of cases counted (resolved + open overdue) are ranked.";

    /// <summary>The agency ranking from a by-agency report: eligible rows (at least <paramref name="minCases"/> counted), best first.</summary>
    public IReadOnlyList<AgencyRank> Ranking(int minCases) =>
        Rows.Where(r => r.Group != "" && r.Resolved + r.OpenOverdue >= Math.Max(1, minCases))
            .OrderBy(r => r.LateOrOverdueRate).ThenByDescending(r => r.Resolved + r.OpenOverdue).ThenBy(r => r.Group, StringComparer.Ordinal)
            .Select((r, i) => new AgencyRank(i + 1, r)).ToList();
}

/// <summary>An agency's place in the ranking (1 is best) and the figures behind it.</summary>
public sealed record AgencyRank(int Rank, LateRateRow Row);
