using System.Diagnostics;
using System.Globalization;
using Cases.GraphQL.Seeding;
using Cases.Places;
using Cases.Projections.ReadApi;
using Cases.Sla;
using NodaTime;

namespace Cases.Benchmarks;

/// <summary>
/// Issue 24's figure: statistics by ward and by agency counted "as the units are now" (CURRENT, every group of every
/// month mapped through the administrative map's successors) beside "as the units were" (HISTORICAL) for the same
/// period, in the same run, on <c>CASES_BENCH_UNITS_CASES</c> (default 10^6) cases made by <c>seed --bulk</c>.
/// The aim is CURRENT's throughput at least 0.8 of HISTORICAL's (median latency ratio HISTORICAL / CURRENT).
/// </summary>
public static class UnitsBenchmark
{
    const int Warmup = 20, Calls = 200;

    public static async Task RunAsync(BenchReport report)
    {
        var cases = int.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_UNITS_CASES") ?? "1000000", CultureInfo.InvariantCulture);
        var db = await SeededDatabase.CreateBulkAsync(cases, caughtUp: true);
        try
        {
            Console.WriteLine($"units: {cases} cases seeded in bulk and projected");
            var statistics = new StatisticsQueries(db.DataSource);
            var maps = MapLibrary.Embedded();
            var today = SeedOptions.DefaultReferenceNow.InZone(WorkingCalendar.Zone).Date;
            var now = SeedOptions.DefaultReferenceNow.InZone(WorkingCalendar.Zone);
            var year = new StatisticsPeriod(new YearMonth(now.Year - 1, now.Month), new YearMonth(now.Year, now.Month));
            var rows = new List<string[]>();
            foreach (var grouping in new[] { StatisticsGrouping.Ward, StatisticsGrouping.Agency })
            {
                var historical = StatisticsUnitsOfTheMap.For(maps, today, grouping, StatisticsUnits.Historical);
                var current = StatisticsUnitsOfTheMap.For(maps, today, grouping, StatisticsUnits.Current);
                foreach (var (name, call) in new (string, Func<UnitRegrouping?, Task>)[]
                {
                    ("late rate", u => statistics.LateRatesAsync(year, grouping, u)),
                    ("satisfaction", u => statistics.SatisfactionAsync(year, grouping, u)),
                })
                {
                    var ((h50, h99), (c50, c99)) = await Time(() => call(historical), () => call(current));
                    rows.Add([$"{name} by {grouping.ToString().ToLowerInvariant()}, 13 months", $"{h50:F2} / {h99:F2}", $"{c50:F2} / {c99:F2}", $"{h50 / c50:F2}"]);
                    Console.WriteLine($"units: {rows[^1][0]}: HISTORICAL {rows[^1][1]} ms, CURRENT {rows[^1][2]} ms, ratio {rows[^1][3]}");
                }
            }
            report.Table($"admin map: statistics as the units are now vs as they were, {cases} cases (ms, median / p99)",
                ["query", "HISTORICAL", "CURRENT", "ratio HISTORICAL / CURRENT (median; aim ≥ 0.8)"], rows,
                $"Cases made by `seed --bulk` (seed 42) over the 12 months before {SeedOptions.DefaultReferenceNow}; projections caught up. " +
                $"{Warmup} warm-up calls, then {Calls} timed calls of each, alternating, of the read API (src/Projections/ReadApi) with the regrouping " +
                "of StatisticsUnitsOfTheMap over the shipped map versions.");
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    /// <summary>The two calls alternate, so whatever else the machine does weighs on both alike.</summary>
    static async Task<((double P50, double P99) A, (double P50, double P99) B)> Time(Func<Task> a, Func<Task> b)
    {
        for (var i = 0; i < Warmup; i++) { await a(); await b(); }
        var (ma, mb) = (new double[Calls], new double[Calls]);
        for (var i = 0; i < Calls; i++)
        {
            var sw = Stopwatch.StartNew();
            await a();
            ma[i] = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            await b();
            mb[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(ma);
        Array.Sort(mb);
        return ((ma[Calls / 2], ma[Calls * 99 / 100]), (mb[Calls / 2], mb[Calls * 99 / 100]));
    }
}
