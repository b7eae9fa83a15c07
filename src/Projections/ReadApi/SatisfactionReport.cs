namespace Cases.Projections.ReadApi;

/// <summary>Ratings by group, and <see cref="Total"/>: every group together over the period (its <c>Group</c> is empty).</summary>
public sealed record SatisfactionReport(StatisticsPeriod Period, StatisticsGrouping Grouping, IReadOnlyList<SatisfactionRow> Rows, SatisfactionRow Total, string Definition)
{
    public const string Text = "Satisfied ÷ ratings given in the period; each rating counts in the month it was given. The total counts every group together.";
}
