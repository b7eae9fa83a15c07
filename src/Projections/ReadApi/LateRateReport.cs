namespace Cases.Projections.ReadApi;

/// <summary>The late-rate table, published with its definition (DESIGN 2.4).</summary>
public sealed record LateRateReport(StatisticsPeriod Period, StatisticsGrouping Grouping, IReadOnlyList<LateRateRow> Rows, string Definition)
{
    public const string Text =
        "Late rate: late resolved ÷ resolved in the period. On-time rate: resolved on time ÷ resolved in the period. "
        + "Open-overdue rate: open and overdue ÷ open at period end. A case is late when resolved after its effective due time "
        + "(an approved extension replaces the original; an apology does not). Each resolution counts in the month it happened, "
        + "a reopened report's cycles separately. Rejected, duplicate and withdrawn cases are outside the denominators. "
        + "Months and the period end are local time, Asia/Ho_Chi_Minh.";
}
