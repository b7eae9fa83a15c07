using System.Globalization;
using System.Text;
using Cases.Projections.ReadApi;

namespace Cases.GraphQL.OpenData;

/// <summary>
/// The statistics tables as one CSV (<c>/open-data/statistics.csv</c>, <c>export statistics</c>): for a period of whole
/// local months, one row per group of each dimension (agency, category, ward, month), with the late and on-time
/// rates, the open overdue, satisfaction and the working-time durations. The figures are GraphQL
/// <c>statistics</c>' own: the same <see cref="StatisticsQueries"/> calls, so the two cannot disagree.
/// </summary>
public sealed class StatisticsExport(StatisticsQueries statistics)
{
    public static readonly StatisticsGrouping[] Dimensions = [StatisticsGrouping.Agency, StatisticsGrouping.Category, StatisticsGrouping.Ward, StatisticsGrouping.Month];

    /// <summary>The columns, in order: the data dictionary on the site's API page defines each.</summary>
    public static readonly string[] Columns =
    [
        "dimension", "group", "from", "to", "resolved", "resolved_on_time", "resolved_late", "late_rate", "on_time_rate",
        "open_at_end", "open_overdue", "open_overdue_rate", "ratings", "satisfied", "satisfaction_rate", "mean_score",
        "verify_median_hours", "verify_p90_hours", "assign_median_hours", "assign_p90_hours", "resolve_median_hours", "resolve_p90_hours",
    ];

    public async Task<long> WriteAsync(StatisticsPeriod period, Stream output, CancellationToken ct)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(',', Columns).Append("\r\n");
        long rows = 0;
        foreach (var dimension in Dimensions)
        {
            var late = await statistics.LateRatesAsync(period, dimension, ct);
            var satisfaction = (await statistics.SatisfactionAsync(period, dimension, ct)).Rows.ToDictionary(s => s.Group);
            var durations = (await statistics.DurationsAsync(period, dimension, ct)).Rows.ToLookup(d => d.Group);
            var groups = late.Rows.Select(r => r.Group).Union(satisfaction.Keys).Union(durations.Select(d => d.Key)).Order(StringComparer.Ordinal);
            var byGroup = late.Rows.ToDictionary(r => r.Group);
            foreach (var group in groups)
            {
                var l = byGroup.GetValueOrDefault(group);
                var s = satisfaction.GetValueOrDefault(group);
                DurationRow? D(DurationStep step) => durations[group].FirstOrDefault(d => d.Step == step);
                var (v, a, r) = (D(DurationStep.Verify), D(DurationStep.Assign), D(DurationStep.Resolve));
                object?[] values =
                [
                    dimension.ToString().ToLowerInvariant(), group, period.From.ToString("yyyy-MM", CultureInfo.InvariantCulture), period.To.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    l?.Resolved ?? 0, l?.ResolvedOnTime ?? 0, l?.ResolvedLate ?? 0, l?.LateRate, l?.OnTimeRate,
                    l?.OpenAtEnd ?? 0, l?.OpenOverdue ?? 0, l?.OpenOverdueRate, s?.Ratings ?? 0, s?.Satisfied ?? 0, s?.ShareSatisfied, s?.MeanScore,
                    v?.MedianWorkingHours, v?.P90WorkingHours, a?.MedianWorkingHours, a?.P90WorkingHours, r?.MedianWorkingHours, r?.P90WorkingHours,
                ];
                for (var i = 0; i < values.Length; i++)
                {
                    if (i > 0) sb.Append(',');
                    switch (values[i])
                    {
                        case null: break;
                        case double d: sb.Append(d.ToString("R", CultureInfo.InvariantCulture)); break;
                        case long n: sb.Append(n.ToString(CultureInfo.InvariantCulture)); break;
                        case string text: Csv.Append(sb, text); break;
                    }
                }
                sb.Append("\r\n");
                rows++;
            }
        }
        await output.WriteAsync(Encoding.UTF8.GetBytes(sb.ToString()), ct);
        return rows;
    }
}
