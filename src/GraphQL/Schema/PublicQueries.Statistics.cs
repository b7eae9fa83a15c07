using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Types;
using Cases.Projections.ReadApi;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>The statistics: the <c>Statistics</c> type and the request-scoped loaders its reports go through.</summary>
public sealed partial class PublicQueries
{
    /// <summary>One report of a request: the same period and grouping is read once, however many fields ask for it.</summary>
    sealed record ReportKey(StatisticsPeriod Period, StatisticsGrouping Grouping, StatisticsUnits Units = StatisticsUnits.Historical);

    static readonly EnumType UnitsType = new("StatisticsUnits")
    {
        Description = "Which wards and agencies statistics count under when the administration was reorganised in the period.",
        Values =
        {
            new("HISTORICAL", StatisticsUnits.Historical) { Description = "As the units were: under the ward or agency recorded on each case." },
            new("CURRENT", StatisticsUnits.Current) { Description = "As the units are now: a replaced unit's cases under its successor in force today." },
        },
    };

    static InputValueDefinition UnitsArg() => new("units", UnitsType)
    {
        DefaultValue = StatisticsUnits.Historical,
        Description = "For wards and agencies: HISTORICAL (as recorded) or CURRENT (replaced units under their successors). The definition says which.",
    };

    StatisticsUnits Units(ResolveContext ctx) => ctx.Argument<StatisticsUnits?>("units") ?? StatisticsUnits.Historical;

    UnitRegrouping? Regrouping(StatisticsGrouping grouping, StatisticsUnits units) =>
        StatisticsUnitsOfTheMap.For(rules.Places, clock.GetCurrentInstant().InZone(Cases.Sla.WorkingCalendar.Zone).Date, grouping, units);

    // Each Agency of a list asks for its own row of the same by-agency report. Through a request-scoped DataLoader
    // (cached per key, batched per level) the report runs once per distinct period in a request instead of once
    // per agency (a listing of the ~150 agencies ran it ~150 times). statistics { lateRate(by:) } goes through the
    // same loader, so asking for both in one document reads the report once too.
    Task<LateRateReport?> LateRates(ResolveContext ctx, StatisticsPeriod period, StatisticsGrouping grouping,
        StatisticsUnits units = StatisticsUnits.Historical) =>
        Report(ctx, "statistics.lateRate", period, grouping, units, (p, g, u, ct) => statistics.LateRatesAsync(p, g, Regrouping(g, u), ct));

    Task<SatisfactionReport?> Satisfaction(ResolveContext ctx, StatisticsPeriod period, StatisticsGrouping grouping, StatisticsUnits units) =>
        Report(ctx, "statistics.satisfaction", period, grouping, units, (p, g, u, ct) => statistics.SatisfactionAsync(p, g, Regrouping(g, u), ct));

    static Task<T?> Report<T>(ResolveContext ctx, string loader, StatisticsPeriod period, StatisticsGrouping grouping, StatisticsUnits units,
        Func<StatisticsPeriod, StatisticsGrouping, StatisticsUnits, CancellationToken, Task<T>> read) where T : class =>
        ctx.Loaders.GetOrAdd<ReportKey, T>(loader, async (keys, ct) =>
        {
            var reports = new Dictionary<ReportKey, T>();
            foreach (var key in keys) reports[key] = await read(key.Period, key.Grouping, key.Units, ct);
            return reports;
        }).LoadAsync(new ReportKey(period, grouping, units));

    ObjectType Statistics(FieldDefinition freshness) => new("Statistics")
    {
        Fields =
        {
            Field<Period>("from", NonNull(ReadTypes.YearMonth), p => p.Value.From),
            Field<Period>("to", NonNull(ReadTypes.YearMonth), p => p.Value.To),
            new FieldDefinition("lateRate", NonNull(new ObjectType("LateRateReport")
            {
                Fields =
                {
                    Field<LateRateReport>("rows", ListOf(ReadTypes.LateRateRowType), r => r.Rows.ToList()),
                    Field<LateRateReport>("total", NonNull(ReadTypes.LateRateTotalType), r => r.Total, "Every group together, from the same table as the rows."),
                    Field<LateRateReport>("definition", NonNull(GString), r => r.Definition),
                },
            }))
            {
                Arguments = { Arg("by", NonNull(ReadTypes.Grouping)), UnitsArg() },
                Resolve = async ctx => await LateRates(ctx, ((Period)ctx.Source!).Value, ctx.Argument<StatisticsGrouping>("by"), Units(ctx)),
            },
            new FieldDefinition("agencyRanking", NonNull(new ObjectType("AgencyRanking")
            {
                Fields =
                {
                    Field<(IReadOnlyList<AgencyRank> Ranks, string Definition)>("ranks", ListOf(ReadTypes.AgencyRankType), r => r.Ranks.ToList()),
                    Field<(IReadOnlyList<AgencyRank> Ranks, string Definition)>("definition", NonNull(GString), r => r.Definition),
                },
            }))
            {
                Description = "Agencies ranked by late-or-overdue rate (open overdue cases count against an agency), best first.",
                Arguments = { new InputValueDefinition("minCases", GInt) { DefaultValue = 10, Description = "Rank only agencies with at least this many resolved + open overdue cases." }, UnitsArg() },
                Resolve = async ctx =>
                {
                    var report = await LateRates(ctx, ((Period)ctx.Source!).Value, StatisticsGrouping.Agency, Units(ctx));
                    return (report!.Ranking(ctx.Argument<int?>("minCases") ?? 10), LateRateReport.RankingText);
                },
            },
            new FieldDefinition("durations", NonNull(new ObjectType("DurationReport")
            {
                Fields = { Field<DurationReport>("rows", ListOf(ReadTypes.DurationRowType), r => r.Rows.ToList()), Field<DurationReport>("definition", NonNull(GString), r => r.Definition) },
            }))
            {
                Description = "Time to verify, assign and resolve in working hours; by a grouping, or overall without one.",
                Arguments = { Arg("by", ReadTypes.Grouping) },
                Resolve = async ctx => await statistics.DurationsAsync(((Period)ctx.Source!).Value,
                    ctx.Arguments.TryGetValue("by", out var by) && by is StatisticsGrouping g ? g : null, ctx.CancellationToken),
            },
            new FieldDefinition("satisfaction", NonNull(new ObjectType("SatisfactionReport")
            {
                Fields =
                {
                    Field<SatisfactionReport>("rows", ListOf(ReadTypes.SatisfactionRowType), r => r.Rows.ToList()),
                    Field<SatisfactionReport>("total", NonNull(ReadTypes.SatisfactionTotalType), r => r.Total, "Every group together, from the same table as the rows."),
                    Field<SatisfactionReport>("definition", NonNull(GString), r => r.Definition),
                },
            }))
            {
                Arguments = { Arg("by", NonNull(ReadTypes.Grouping)), UnitsArg() },
                Resolve = async ctx => await Satisfaction(ctx, ((Period)ctx.Source!).Value, ctx.Argument<StatisticsGrouping>("by"), Units(ctx)),
            },
            new FieldDefinition("backlog", ListOf(ReadTypes.BacklogRowType))
            {
                Description = "Open cases now, per agency, by how close they are to their due time.",
                Arguments = { Arg("agency", GID) },
                Resolve = async ctx => (await statistics.BacklogAgeingAsync(clock.GetCurrentInstant(), ctx.Argument<string>("agency"), ctx.CancellationToken)).ToList(),
            },
            freshness,
        },
    };
}
