using System.Diagnostics;
using System.Globalization;
using Cases.Domain;
using Cases.EventStore;
using Cases.GraphQL.Seeding;
using Cases.Projections.Daemon;
using Cases.Projections.ReadApi;
using Cases.Testing;
using Cases.Handlers;
using NodaTime;

namespace Cases.Benchmarks;

/// <summary>
/// Issue 4's figures, each against a baseline measured in the same run on the same database:
/// <list type="bullet">
/// <item>at each size (<c>CASES_BENCH_SIZES</c>, default 10^4, 10^5, 10^6 cases, made by <c>seed --bulk</c>): the
/// bulk import's rate, a plain sequential read of the log, a full rebuild of each projection against that read,
/// and the late-rate and public-list queries (median and p95 of sequential calls), whose growth is the ratio of
/// the largest size's figure to the smallest's;</item>
/// <item>daemon lag while writers append through the workflow as fast as they can.</item>
/// </list>
/// </summary>
public static class ProjectionsBenchmark
{
    const int Warmup = 20, Calls = 200;
    static readonly DaemonOptions Defaults = new();

    public static async Task RunAsync(BenchReport report)
    {
        var sizes = (Environment.GetEnvironmentVariable("CASES_BENCH_SIZES") ?? "10000,100000,1000000")
            .Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var queries = new List<(int Cases, Dictionary<string, (double P50, double P95)> Ms)>();
        var rebuild = new List<string[]>();
        foreach (var cases in sizes)
        {
            var db = await SeededDatabase.CreateBulkAsync(cases, caughtUp: false);
            try
            {
                Console.WriteLine($"projections: {cases} cases seeded in bulk, {db.Events} events at {db.ImportRate:F0} events/s");
                var read = await SequentialReadAsync(db);
                rebuild.Add([$"{cases}", $"{db.Events}", "sequential read", $"{read:F0}", "1.00"]);
                rebuild.Add([$"{cases}", $"{db.Events}", "bulk import (seed --bulk)", $"{db.ImportRate:F0}", $"{db.ImportRate / read:F2}"]);
                var daemon = db.Daemon();
                foreach (var p in daemon.Projections)
                {
                    var sw = Stopwatch.StartNew();
                    await daemon.RebuildAsync(p.Name);
                    var rate = db.Events / sw.Elapsed.TotalSeconds;
                    rebuild.Add([$"{cases}", $"{db.Events}", $"rebuild {p.Name}", $"{rate:F0}", $"{rate / read:F2}"]);
                    Console.WriteLine($"projections: rebuilt {p.Name} at {rate:F0} events/s ({rate / read:F2} of the read)");
                }
                queries.Add((cases, await QueriesAsync(db)));
                if (cases == sizes[0]) await LagAsync(db, report);
            }
            finally
            {
                await db.DisposeAsync();
            }
        }

        report.Table("projections: full rebuild vs sequential read of the same log", ["cases", "events", "run", "events/s", "ratio to read"], rebuild,
            $"Cases made by `seed --bulk` (decided by the real decider, written with COPY in one transaction). The read is " +
            $"CaseEventStore.ReadLogAsync in batches of {Defaults.RebuildBatchSize}, decoding every event, as a rebuild reads; " +
            "each rebuild fills shadow tables from the start of the log and swaps them in.");
        var names = queries[0].Ms.Keys.ToList();
        report.Table("projections: query latency as the store grows (ms, median / p95 of sequential calls)",
            ["query", .. queries.Select(q => $"{q.Cases} cases"), $"ratio {queries[^1].Cases} / {queries[0].Cases} (median)"],
            names.Select(n => (string[])[n, .. queries.Select(q => $"{q.Ms[n].P50:F2} / {q.Ms[n].P95:F2}"),
                $"{queries[^1].Ms[n].P50 / queries[0].Ms[n].P50:F2}"]),
            $"{Warmup} warm-up calls, then {Calls} timed calls of the read API (src/Projections/ReadApi) on one connection pool; the aim is the largest size within 3 times the smallest.");
    }

    static async Task<double> SequentialReadAsync(SeededDatabase db)
    {
        var read = Stopwatch.StartNew();
        var position = LogPosition.Start;
        long count = 0;
        await using (var conn = await db.DataSource.OpenConnectionAsync())
            while (await CaseEventStore.ReadLogAsync(conn, position, Defaults.RebuildBatchSize) is { Count: > 0 } batch)
            {
                count += batch.Count;
                position = batch[^1].Position;
            }
        return count / read.Elapsed.TotalSeconds;
    }

    static async Task<Dictionary<string, (double, double)>> QueriesAsync(SeededDatabase db)
    {
        var statistics = new StatisticsQueries(db.DataSource);
        var list = new PublicCaseQueries(db.DataSource);
        var now = SeedOptions.DefaultReferenceNow.InZone(Cases.Sla.WorkingCalendar.Zone);
        var year = new StatisticsPeriod(new YearMonth(now.Year - 1, now.Month), new YearMonth(now.Year, now.Month));
        var ward = await db.ScalarAsync<string>("select ward from projections.public_cases group by ward order by count(*) desc limit 1");
        var queries = new (string Name, Func<Task> Call)[]
        {
            ("late rate by agency, 13 months", () => statistics.LateRatesAsync(year, StatisticsGrouping.Agency)),
            ("late rate by month, 13 months", () => statistics.LateRatesAsync(year, StatisticsGrouping.Month)),
            ("satisfaction by ward, 13 months", () => statistics.SatisfactionAsync(year, StatisticsGrouping.Ward)),
            ("public list, newest 20", () => list.ListAsync(new PublicCaseFilter(), new PageRequest(20))),
            ("public list, one ward, 20", () => list.ListAsync(new PublicCaseFilter(Ward: ward), new PageRequest(20))),
            ("public list, resolved in one category, 20", () => list.ListAsync(
                new PublicCaseFilter(Category: "urban_infrastructure", Status: PublicStatus.Resolved), new PageRequest(20))),
        };
        var result = new Dictionary<string, (double, double)>();
        foreach (var (name, call) in queries)
        {
            for (var i = 0; i < Warmup; i++) await call();
            var ms = new double[Calls];
            for (var i = 0; i < Calls; i++)
            {
                var sw = Stopwatch.StartNew();
                await call();
                ms[i] = sw.Elapsed.TotalMilliseconds;
            }
            Array.Sort(ms);
            result[name] = (ms[Calls / 2], ms[Calls * 95 / 100]);
        }
        return result;
    }

    /// <summary>
    /// Writers note progress on their own in-progress cases through the workflow as fast as they can while the
    /// daemon runs; the lag of every projection is sampled throughout, and the time to drain after they stop.
    /// </summary>
    static async Task LagAsync(SeededDatabase db, BenchReport report)
    {
        const int writers = 8;
        var seconds = double.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_SECONDS") ?? "20", CultureInfo.InvariantCulture);
        var daemon = db.Daemon();
        using var stop = new CancellationTokenSource();
        var running = daemon.RunAsync(stop.Token);
        await db.WaitCaughtUpAsync(daemon);

        var handler = new CaseCommandHandler(new CaseEventStore(db.DataSource, new AppendNotifier(db.DataSource)),
            FixedSlaRules.Instance, new FakeClock(FakeClock.MondayMorning), Serilog.Core.Logger.None);
        var cases = new List<Guid>[writers];
        for (var w = 0; w < writers; w++)
        {
            cases[w] = [];
            for (var i = 0; i < 20; i++) cases[w].Add(await AppendBenchmark.InProgressCase(handler));
        }
        await db.WaitCaughtUpAsync(daemon);

        var samples = new List<ProjectionStatus>();
        var appended = 0L;
        var clock = Stopwatch.StartNew();
        var load = Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var agency = new Actor("bench", Role.Agency, "agency-a");
            for (var n = 0; clock.Elapsed.TotalSeconds < seconds; n++)
            {
                var outcome = await handler.HandleAsync(cases[w][n % cases[w].Count], new CaseCommand.NoteProgress($"bước {n}"),
                    new CommandEnvelope(agency, $"lag-{w}-{n}", IdempotencyKey: $"lag-{w}-{n}"));
                if (outcome is not CommandOutcome.Done) throw new InvalidOperationException(outcome.ToString());
                Interlocked.Increment(ref appended);
            }
        })));
        while (!load.IsCompleted)
        {
            samples.AddRange(await daemon.StatusAsync());
            await Task.Delay(200);
        }
        await load;
        var appendRate = appended / clock.Elapsed.TotalSeconds;
        var stopped = clock.Elapsed;
        await db.WaitCaughtUpAsync(daemon);
        var drained = clock.Elapsed - stopped;
        await stop.CancelAsync();
        try { await running; } catch (OperationCanceledException) { }

        report.Table($"projections: daemon lag while {writers} writers append at full speed ({seconds:F0} s)",
            ["projection", "lag events p50 / p95 / max", "lag seconds p50 / p95 / max"],
            samples.GroupBy(s => s.Name).Select(g =>
            {
                var events = g.Select(s => (double)s.LagEvents).Order().ToArray();
                var secs = g.Select(s => s.LagSeconds).Order().ToArray();
                return (string[])[g.Key, $"{events[events.Length / 2]:F0} / {events[events.Length * 95 / 100]:F0} / {events[^1]:F0}",
                    $"{secs[secs.Length / 2]:F2} / {secs[secs.Length * 95 / 100]:F2} / {secs[^1]:F2}"];
            }),
            $"Writers appended {appendRate:F0} events/s (one noteProgress command each, through the workflow, on a store of " +
            $"{db.Cases} cases); the daemon ran its default batches of {Defaults.BatchSize}, woken by NOTIFY. " +
            $"After the writers stopped, every projection had caught up within {drained.TotalSeconds:F1} s. Lag is sampled every 200 ms.");
    }
}
