using System.Diagnostics;

namespace Cases.Benchmarks;

/// <summary>Requests per second and p50/p99 latency of one request sent in a loop by concurrent clients.</summary>
public sealed record LoadRun(double Rps, double P50, double P99)
{
    /// <param name="warmUp">Requests sent first and not measured (JIT, caches, connection pool).</param>
    public static async Task<LoadRun> MeasureAsync<T>(double seconds, int clients, Func<Task<T>> request, int warmUp = 20)
    {
        for (var i = 0; i < warmUp; i++) await request();
        var latencies = new List<double>[clients];
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            latencies[c] = [];
            while (sw.Elapsed.TotalSeconds < seconds)
            {
                var t = Stopwatch.GetTimestamp();
                await request();
                latencies[c].Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        })));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadRun(all.Length / sw.Elapsed.TotalSeconds, all[all.Length / 2], all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))]);
    }
}
