using NodaTime.Testing;
using System.Diagnostics;
using System.Globalization;
using Cases.Domain;
using Cases.EventStore;
using Cases.GraphQL.Seeding;
using Cases.Handlers;
using Cases.Projections.Daemon;
using Cases.Projections.ReadApi;
using Cases.Sla;
using Cases.Testing;
using JasperFx.Events.Projections;
using Marten;
using NodaTime;

namespace Cases.Benchmarks;

/// <summary>
/// Issue 4's figures, each against a baseline measured in the same run on the same database:
/// <list type="bullet">
/// <item>at each size (<c>CASES_BENCH_SIZES</c>, default 10^4, 10^5, 10^6 cases, made by <c>seed --bulk</c>): the
/// bulk import's rate against a raw binary COPY of the same rows into a scratch copy of <c>mt_events</c>; a plain
/// sequential read of the log; Marten's daemon catching up from the start of the log, and a full rebuild of each
/// projection (<see cref="ProjectionRebuild"/>), against that read; and the late-rate and public-list queries
/// (median and p95 of sequential calls), whose growth is the ratio of the largest size's figure to the smallest's;</item>
/// <item>daemon lag while writers append through the workflow as fast as they can.</item>
/// </list>
/// The daemon is Marten's, started bare (<c>BuildProjectionDaemonAsync</c>), not under the host's HotCold
/// coordinator: a shard whose batch fails stays paused, and the benchmark then times out waiting for it.
/// </summary>
public static class ProjectionsBenchmark
{
    const int Warmup = 20, Calls = 200;

    public static async Task RunAsync(BenchReport report)
    {
        var sizes = (Environment.GetEnvironmentVariable("CASES_BENCH_SIZES") ?? "10000,100000,1000000")
            .Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var queries = new List<(int Cases, Dictionary<string, (double P50, double P95)> Ms)>();
        var rebuild = new List<string[]>();
        var import = new List<string[]>();
        var readBatch = 0;
        foreach (var cases in sizes)
        {
            var db = await SeededDatabase.CreateBulkAsync(cases, caughtUp: false);
            try
            {
                Console.WriteLine($"projections: {cases} cases seeded in bulk, {db.Events} events at {db.ImportRate:F0} events/s");
                var copy = await RawCopyAsync(db);
                import.Add([$"{cases}", $"{db.Events}", $"{db.ImportRate:F0}", $"{copy:F0}", $"{db.ImportRate / copy:F2}"]);
                Console.WriteLine($"projections: raw binary COPY of mt_events at {copy:F0} events/s (bulk import {db.ImportRate / copy:F2} of it)");

                await using var store = db.Store();
                var rebuilder = new ProjectionRebuild(store, db.DataSource, SeededDatabase.Models);
                readBatch = rebuilder.BatchSize;
                var read = await SequentialReadAsync(store, rebuilder.BatchSize);
                rebuild.Add([$"{cases}", $"{db.Events}", "sequential read", $"{read:F0}", "1.00"]);
                rebuild.Add([$"{cases}", $"{db.Events}", "bulk import (seed --bulk)", $"{db.ImportRate:F0}", $"{db.ImportRate / read:F2}"]);

                // The rebuild hands its tables over at the live shard's position, so the live shards go to the head first:
                // Marten's daemon from the start of the log, every projection at once (as after a deploy on an empty read side).
                var sw = Stopwatch.StartNew();
                var daemon = await SeededDatabase.StartDaemonAsync(store);
                try
                {
                    await db.WaitCaughtUpAsync(db.Monitor(store));
                }
                finally
                {
                    await SeededDatabase.StopDaemonAsync(daemon);
                }
                var catchUp = db.Events / sw.Elapsed.TotalSeconds;
                rebuild.Add([$"{cases}", $"{db.Events}", $"daemon catch-up from 0, {SeededDatabase.Models.Count} projections at once", $"{catchUp:F0}", $"{catchUp / read:F2}"]);
                Console.WriteLine($"projections: the daemon caught up at {catchUp:F0} events/s ({catchUp / read:F2} of the read)");

                foreach (var model in SeededDatabase.Models)
                {
                    sw.Restart();
                    await rebuilder.RunAsync(model.Name);
                    var rate = db.Events / sw.Elapsed.TotalSeconds;
                    rebuild.Add([$"{cases}", $"{db.Events}", $"rebuild {model.Name}", $"{rate:F0}", $"{rate / read:F2}"]);
                    Console.WriteLine($"projections: rebuilt {model.Name} at {rate:F0} events/s ({rate / read:F2} of the read)");
                }
                queries.Add((cases, await QueriesAsync(db)));
                if (cases == sizes[0]) await LagAsync(db, store, report);
            }
            finally
            {
                await db.DisposeAsync();
            }
        }

        report.Table("projections: bulk import vs raw binary COPY of the same rows", ["cases", "events", "bulk import events/s", "raw COPY events/s", "ratio"], import,
            "Bulk import: `seed --bulk` (the real decider's cases, BulkImport on Marten's streaming bulk append: mt_streams, mt_events with " +
            "metadata and hash chain headers, identity documents and reporters; two transactions, Marten's committing last), simulation included. Raw COPY: the " +
            "rows of cases.mt_events as written, exported beforehand to a file, then one `copy ... from stdin (format binary)` into a scratch " +
            "table created `like cases.mt_events including all` (its primary key and unique index, no foreign key), timed to its end.");
        report.Table("projections: full rebuild vs sequential read of the same log", ["cases", "events", "run", "events/s", "ratio to read"], rebuild,
            $"Cases made by `seed --bulk`. The read is cases.mt_events in seq_id order through Marten's QueryAllRawEvents, in batches of " +
            $"{readBatch} (ProjectionRebuild's), each event deserialized and read as a StoredEvent, as a rebuild reads, timed after one untimed " +
            "warm-up read of the whole log; the rebuilds read ahead " +
            "on a second connection while they apply. The catch-up is Marten's daemon (bare, its default batches) taking every projection " +
            "from 0 to the head; each rebuild then fills shadow tables from the start of the log and swaps them in, with the daemon stopped.");
        var names = queries[0].Ms.Keys.ToList();
        report.Table("projections: query latency as the store grows (ms, median / p95 of sequential calls)",
            ["query", .. queries.Select(q => $"{q.Cases} cases"), $"ratio {queries[^1].Cases} / {queries[0].Cases} (median)"],
            names.Select(n => (string[])[n, .. queries.Select(q => $"{q.Ms[n].P50:F2} / {q.Ms[n].P95:F2}"),
                $"{queries[^1].Ms[n].P50 / queries[0].Ms[n].P50:F2}"]),
            $"{Warmup} warm-up calls, then {Calls} timed calls of the read API (src/Projections/ReadApi) on one connection pool; the aim is the largest size within 3 times the smallest.");
    }

    /// <summary>
    /// The bulk import's baseline: the same mt_events rows, exported first (not timed), then one binary COPY into a
    /// scratch copy of the table. Events per second.
    /// </summary>
    static async Task<double> RawCopyAsync(SeededDatabase db)
    {
        const string Scratch = $"{CasesStore.Schema}.mt_events_bench_copy";
        var file = Path.Combine(Path.GetTempPath(), $"{db.Name}_mt_events.copy");
        try
        {
            await using (var output = File.Create(file))
            await using (var conn = await db.DataSource.OpenConnectionAsync())
            await using (var export = await conn.BeginRawBinaryCopyAsync(
                $"copy (select * from {CasesStore.Schema}.mt_events order by seq_id) to stdout (format binary)"))
                await export.CopyToAsync(output);
            await db.ExecAsync($"create table {Scratch} (like {CasesStore.Schema}.mt_events including all)");
            await db.ExecAsync("checkpoint"); // the export's and the create's dirty pages are not the COPY's to write

            var sw = Stopwatch.StartNew();
            await using (var input = File.OpenRead(file))
            await using (var conn = await db.DataSource.OpenConnectionAsync())
            await using (var import = await conn.BeginRawBinaryCopyAsync($"copy {Scratch} from stdin (format binary)"))
                await input.CopyToAsync(import); // disposing the stream completes the COPY: inside the timing
            var seconds = sw.Elapsed.TotalSeconds;

            var copied = await db.ScalarAsync<long>($"select count(*) from {Scratch}");
            if (copied != db.Events) throw new InvalidOperationException($"raw COPY: {copied} rows copied, {db.Events} expected");
            await db.ExecAsync($"drop table {Scratch}");
            return copied / seconds;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// cases.mt_events in seq_id order, read and deserialized by Marten in batches of <paramref name="batchSize"/>,
    /// each event read as a <see cref="StoredEvent"/>: the read a rebuild does, without the read model. Events per second.
    /// </summary>
    static async Task<double> SequentialReadAsync(IDocumentStore store, int batchSize)
    {
        long upTo;
        await using (var session = store.QuerySession())
            upTo = await session.Events.QueryAllRawEvents().MaxAsync(e => e.Sequence);
        // Warm up, untimed: the whole read once. Marten's first event queries on this store, the first deserialization
        // of each event type, the JIT's tiering and the heap's growth make a cold read half as fast here as a warm
        // one, and the daemon and the rebuilds that follow run warm.
        await ReadAsync();

        var sw = Stopwatch.StartNew();
        var events = await ReadAsync();
        return events / sw.Elapsed.TotalSeconds;

        async Task<long> ReadAsync()
        {
            long after = 0, count = 0;
            while (true)
            {
                await using var session = store.QuerySession();
                var batch = await session.Events.QueryAllRawEvents()
                    .Where(e => e.Sequence > after && e.Sequence <= upTo)
                    .OrderBy(e => e.Sequence)
                    .Take(batchSize)
                    .ToListAsync();
                if (batch.Count == 0) return count;
                foreach (var e in batch) _ = StoredEvent.From(e);
                count += batch.Count;
                after = batch[^1].Sequence;
            }
        }
    }

    static async Task<Dictionary<string, (double, double)>> QueriesAsync(SeededDatabase db)
    {
        var statistics = new StatisticsQueries(db.DataSource);
        var list = new PublicCaseQueries(db.DataSource);
        var now = SeedOptions.DefaultReferenceNow.InZone(WorkingCalendar.Zone);
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
    static async Task LagAsync(SeededDatabase db, DocumentStore store, BenchReport report)
    {
        const int writers = 8;
        var seconds = double.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_SECONDS") ?? "20", CultureInfo.InvariantCulture);
        var monitor = db.Monitor(store);
        var daemon = await SeededDatabase.StartDaemonAsync(store);
        try
        {
            await db.WaitCaughtUpAsync(monitor);

            // The write side as the host wires it, on its own Marten store (no projections), beside the daemon's; the
            // embedded SLA rules; no deadline messages (the writers' fixed clock is months before the real one).
            await using var host = await WriteSideHost.StartAsync(db.DataSource, new FakeClock(TestTime.MondayMorning),
                SlaRules.LoadEmbedded(), scheduleDeadlines: false);
            var handler = host.Commands;
            var cases = new List<Guid>[writers];
            for (var w = 0; w < writers; w++)
            {
                cases[w] = [];
                for (var i = 0; i < 20; i++) cases[w].Add(await AppendBenchmark.InProgressCase(handler));
            }
            await db.WaitCaughtUpAsync(monitor);

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
                samples.AddRange(await monitor.StatusAsync());
                await Task.Delay(200);
            }
            await load;
            var appendRate = appended / clock.Elapsed.TotalSeconds;
            var stopped = clock.Elapsed;
            await db.WaitCaughtUpAsync(monitor);
            var drained = clock.Elapsed - stopped;

            var settings = store.Options.Projections;
            report.Table($"projections: daemon lag while {writers} writers append at full speed ({seconds:F0} s)",
                ["projection", "lag events p50 / p95 / max", "lag seconds p50 / p95 / max"],
                samples.GroupBy(s => s.Name).Select(g =>
                {
                    var events = g.Select(s => (double)s.LagEvents).Order().ToArray();
                    var secs = g.Select(s => s.LagSeconds).Order().ToArray();
                    return (string[])[g.Key, $"{events[events.Length / 2]:F0} / {events[events.Length * 95 / 100]:F0} / {events[^1]:F0}",
                        $"{secs[secs.Length / 2]:F2} / {secs[secs.Length * 95 / 100]:F2} / {secs[^1]:F2}"];
                }),
                $"Writers appended {appendRate:F0} events/s (one noteProgress command each, through Wolverine and the workflow, on a store of " +
                $"{db.Cases} cases); Marten's daemon, started bare (a shard whose batch fails would stay paused; the host's HotCold coordinator restarts it), ran its default batches of {new AsyncOptions().BatchSize} events, " +
                (settings.Wakeup is null
                    ? $"looking for new events by polling the high-water mark ({settings.FastPollingTime.TotalMilliseconds:F0} ms when busy, {settings.SlowPollingTime.TotalMilliseconds:F0} ms when idle). "
                    : "woken on append. ") +
                $"After the writers stopped, every projection had caught up within {drained.TotalSeconds:F1} s. Lag is sampled every 200 ms " +
                "(ProjectionMonitor: events after the shard's position, and the age of the oldest of them).");
        }
        finally
        {
            await SeededDatabase.StopDaemonAsync(daemon);
        }
    }
}
