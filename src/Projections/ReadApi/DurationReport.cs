namespace Cases.Projections.ReadApi;

/// <summary>Time to verify, assign and resolve (DESIGN 0), with its definition.</summary>
public sealed record DurationReport(StatisticsPeriod Period, StatisticsGrouping? Grouping, IReadOnlyList<DurationRow> Rows, string Definition)
{
    public const string Text =
        "Working hours (Monday to Friday 07:30-11:30 and 13:30-17:00, Asia/Ho_Chi_Minh, official holidays excluded) from receipt "
        + "(or reopening) to verification (or rejection; a dossier's acceptance or refusal), to the first assignment, and to "
        + "resolution; counted for the cases whose step happened in the period. Time waiting for the citizen is included. "
        + "Median and 90th percentile are continuous percentiles (PostgreSQL percentile_cont).";
}
