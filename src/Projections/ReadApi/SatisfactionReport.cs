namespace Cases.Projections.ReadApi;

public sealed record SatisfactionReport(StatisticsPeriod Period, StatisticsGrouping Grouping, IReadOnlyList<SatisfactionRow> Rows, string Definition)
{
    public const string Text = "Satisfied ÷ ratings given in the period; each rating counts in the month it was given.";
}
