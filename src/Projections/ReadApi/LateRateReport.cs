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
}
