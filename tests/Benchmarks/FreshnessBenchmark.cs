namespace Cases.Benchmarks;

/// <summary>
/// Read-your-writes (issue 21): from a command's answer to the projection committing it and to the first and last of
/// N subscribers receiving it, idle and while 8 writers submit at full speed, with the daemon woken by commits and
/// with polling alone (Projections:WakeOnAppend=false), in the same run on the same database.
/// </summary>
public static class FreshnessBenchmark
{
    public static async Task RunAsync(BenchReport report)
    {
        var subscribers = int.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_SUBSCRIBERS") ?? "1000");
        var rounds = int.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_ROUNDS") ?? "30");
        var db = await SeededDatabase.CreateAsync(200);
        try
        {
            var rows = new List<string[]>();
            foreach (var writers in new[] { 0, 8 })
            foreach (var wake in new[] { true, false })
            {
                var (projection, first, last, writerRate) = await SubscriptionsBenchmark.MeasureAsync(db, subscribers, rounds, writers, wake, fromAck: true);
                var fanOut = SubscriptionsBenchmark.FanOut(projection, last);
                string P(List<double> v, int p) => SubscriptionsBenchmark.P(v, p);
                rows.Add([writers == 0 ? "idle" : $"{writers} writers", wake ? "woken on commit" : "polling only",
                    $"{P(projection, 50)} / {P(projection, 99)}", $"{P(first, 50)} / {P(first, 99)}", $"{P(last, 50)} / {P(last, 99)}", $"{P(fanOut, 50)}",
                    writers == 0 ? "-" : $"{writerRate:F0}"]);
            }
            report.Table($"freshness: from a command's answer to its effect ({subscribers} subscribers of the case, {rounds} rounds each)",
                ["load", "daemon", "projection p50 / p99 ms", "first subscriber p50 / p99 ms", "last subscriber p50 / p99 ms", "fan-out p50 ms (last - projection)", "writers' reports/s"],
                rows,
                "A command is classifyCase through /graphql; the projection is public_cases showing its version; writers submit reports through /graphql.");
        }
        finally
        {
            await db.DisposeAsync();
        }
    }
}
