using System.Diagnostics;
using Cases.EventStore;

namespace Cases.Benchmarks;

/// <summary>
/// Full rebuild of each projection in events per second, beside a plain sequential read of the same log
/// (the commit-ordered reader in batches of 500, decoding events) in the same run, on the same database.
/// </summary>
public static class ProjectionsBenchmark
{
    public static async Task RunAsync(BenchReport report)
    {
        var cases = int.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_CASES") ?? "2000");
        var db = await SeededDatabase.CreateAsync(cases);
        try
        {
        var events = await db.ScalarAsync<long>("select count(*) from cases.events");

        var read = Stopwatch.StartNew();
        var position = LogPosition.Start;
        long count = 0;
        await using (var conn = await db.DataSource.OpenConnectionAsync())
            while (await CaseEventStore.ReadLogAsync(conn, position, 500) is { Count: > 0 } batch)
            {
                count += batch.Count;
                position = batch[^1].Position;
            }
        var readRate = count / read.Elapsed.TotalSeconds;

        List<string[]> rows = [["sequential read of the log", $"{readRate:F0}", "1.00"]];
        var daemon = db.Daemon();
        foreach (var name in new[] { "public_cases", "sla", "agency_queues" })
        {
            var sw = Stopwatch.StartNew();
            await daemon.RebuildAsync(name);
            var rate = events / sw.Elapsed.TotalSeconds;
            rows.Add([$"rebuild {name}", $"{rate:F0}", $"{rate / readRate:F2}"]);
        }
        report.Table($"projections: full rebuild vs sequential read ({events} events, {cases} cases)", ["run", "events/s", "ratio to read"], rows,
            "Cases made by the seeder through the real workflow; each rebuild builds shadow tables from the start of the log and swaps them in.");
        }
        finally
        {
            await db.DisposeAsync();
        }
    }
}
