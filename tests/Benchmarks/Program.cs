using Cases.Benchmarks;

// scripts/bench [append|projections|api|graphql|console|freshness|open311 ...]: each suite prints a Markdown table and appends it to the report file.
var suites = new Dictionary<string, Func<BenchReport, Task>>
{
    ["append"] = AppendBenchmark.RunAsync,
    ["projections"] = ProjectionsBenchmark.RunAsync,
    ["api"] = ApiBenchmark.RunAsync,
    ["graphql"] = GraphQLBenchmark.RunAsync,
    ["subscriptions"] = SubscriptionsBenchmark.RunAsync,
    ["freshness"] = FreshnessBenchmark.RunAsync,
    ["media"] = MediaBenchmark.RunAsync,
    ["console"] = ConsoleBenchmark.RunAsync,
    ["open311"] = Open311Benchmark.RunAsync,
    ["notifications"] = NotificationsBenchmark.RunAsync,
    ["units"] = UnitsBenchmark.RunAsync,
};
var chosen = args.Length == 0 ? suites.Keys.ToArray() : args;
var unknown = chosen.Where(c => !suites.ContainsKey(c)).ToArray();
if (unknown.Length > 0)
{
    Console.Error.WriteLine($"bench: unknown suite(s) {string.Join(", ", unknown)}; known: {string.Join(", ", suites.Keys)}");
    return 2;
}
var report = new BenchReport(Environment.GetEnvironmentVariable("CASES_BENCH_REPORT") ?? "test-output/bench.md");
foreach (var name in chosen) await suites[name](report);
return 0;
