using System.Diagnostics;

namespace Cases.Benchmarks;

/// <summary>
/// Requests per second and p50/p99 latency of one request sent in a loop by concurrent clients; and the process's CPU
/// time per request (client and server together, as both run here), which stays comparable when other work shares
/// the machine and requests per second do not.
/// </summary>
public sealed record LoadRun(double Rps, double P50, double P99, double CpuMsPerRequest)
{
    /// <summary>
    /// The same load, unmeasured, for <see cref="WarmUpSeconds"/> first: the runtime compiles a method again, optimised,
    /// only after it has run a while (tiered JIT), so a short warm-up would measure half-compiled code, and the longer
    /// code path (GraphQL's) more so than the plain endpoint measured after it. Ten seconds: with 8 clients on this
    /// box's two cores, a profile after three still showed a tenth of the samples in instrumented (not yet optimised)
    /// code.
    /// </summary>
    public static double WarmUpSeconds { get; } = double.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_WARMUP_SECONDS") ?? "10");

    /// <summary>The load alone, unmeasured, for <see cref="WarmUpSeconds"/>.</summary>
    public static Task WarmUpAsync<T>(int clients, Func<Task<T>> request) => Run(WarmUpSeconds, clients, request);

    public static async Task<LoadRun> MeasureAsync<T>(double seconds, int clients, Func<Task<T>> request)
    {
        await Run(WarmUpSeconds, clients, request);
        var measured = new Sample();
        await measured.AddAsync(seconds, clients, request);
        return measured.Result();
    }

    /// <summary>
    /// Two requests compared, measured in alternating rounds, so that whatever else the machine does in the meantime
    /// (the projection daemon, the JIT, other processes) weighs on both alike. The caller warms both up first
    /// (<see cref="WarmUpAsync"/>): the api suite does it for all its requests before the first pair.
    /// </summary>
    public static async Task<(LoadRun A, LoadRun B)> PairedAsync<T>(double seconds, int clients, Func<Task<T>> a, Func<Task<T>> b, int rounds = 4)
    {
        var (sa, sb) = (new Sample(), new Sample());
        for (var i = 0; i < rounds; i++)
        {
            await sa.AddAsync(seconds / rounds, clients, a);
            await sb.AddAsync(seconds / rounds, clients, b);
        }
        return (sa.Result(), sb.Result());
    }

    sealed class Sample
    {
        readonly List<double> _latencies = [];
        double _elapsed;
        double _cpuMs;

        public async Task AddAsync<T>(double seconds, int clients, Func<Task<T>> request)
        {
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var (latencies, elapsed) = await Run(seconds, clients, request);
            process.Refresh();
            _cpuMs += (process.TotalProcessorTime - cpu).TotalMilliseconds;
            _elapsed += elapsed;
            foreach (var l in latencies) _latencies.AddRange(l);
        }

        public LoadRun Result()
        {
            var all = _latencies.Order().ToArray();
            return new LoadRun(all.Length / _elapsed, all[all.Length / 2], all[Math.Min(all.Length - 1, (int)(all.Length * 0.99))], _cpuMs / all.Length);
        }
    }

    static async Task<(List<double>[] Latencies, double Elapsed)> Run<T>(double seconds, int clients, Func<Task<T>> request)
    {
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
        return (latencies, sw.Elapsed.TotalSeconds);
    }
}
