using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using Cases.GraphQL.Engine.Http.Live;
using Cases.GraphQL.Host;
using Cases.Access;
using Cases.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Cases.Benchmarks;

/// <summary>
/// Live updates on one node: N subscribers (default 1,000, one WebSocket each, graphql-transport-ws) of one case;
/// per round an operator's mutation through the API, and the time from sending it to the first and to the last
/// subscriber receiving the change, beside the projection's own lag in the same round (from sending the mutation
/// until public_cases shows it, polled on its own connection).
/// </summary>
public static class SubscriptionsBenchmark
{
    public static async Task RunAsync(BenchReport report)
    {
        var subscribers = int.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_SUBSCRIBERS") ?? "1000");
        var rounds = int.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_ROUNDS") ?? "30");
        var db = await SeededDatabase.CreateAsync(200);
        try
        {
            var (projection, toFirst, toLast, _) = await MeasureAsync(db, subscribers, rounds, writers: 0, wakeOnAppend: true, fromAck: false);
            report.Table($"subscriptions: {subscribers} WebSocket subscribers of one case on one node, {rounds} mutations (classifyCase through /graphql)",
                ["from sending the mutation to", "p50 ms", "p99 ms", "max ms"],
                [
                    ["the projection committing it (public_cases has it)", P(projection, 50), P(projection, 99), P(projection, 100)],
                    ["the first subscriber receiving it", P(toFirst, 50), P(toFirst, 99), P(toFirst, 100)],
                    ["the last subscriber receiving it", P(toLast, 50), P(toLast, 99), P(toLast, 100)],
                    ["fan-out: the last subscriber after the projection, per mutation", P(FanOut(projection, toLast), 50), P(FanOut(projection, toLast), 99), P(FanOut(projection, toLast), 100)],
                ],
                "The projection's lag is the async daemon's wake-up and batching; the fan-out is each mutation's last subscriber minus its projection.");
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    /// <summary>
    /// One node on <paramref name="db"/> with <paramref name="subscribers"/> WebSocket subscribers of one case; per round an
    /// operator's mutation, timed (from sending it, or from its answer when <paramref name="fromAck"/>) to public_cases having
    /// it and to the first and last subscriber receiving it, while <paramref name="writers"/> clients submit cases at full speed.
    /// </summary>
    internal static async Task<(List<double> Projection, List<double> First, List<double> Last, double WriterRate)> MeasureAsync(
        SeededDatabase db, int subscribers, int rounds, int writers, bool wakeOnAppend, bool fromAck)
    {
        var app = CasesApp.Build(["--urls", "http://127.0.0.1:0", $"--ConnectionStrings:Cases={db.ConnectionString}",
            $"--GraphQL:Live:MaxSubscriptionsPerClient={subscribers + 10}", "--Submissions:PerMinute=100000000",
            $"--Projections:WakeOnAppend={wakeOnAppend}"]);
        await app.StartAsync();
        try
        {
            var baseUrl = new Uri(app.Urls.First());
            var key = (await new ApiKeys(db.DataSource, SystemClock.Instance).CreateAsync(Role.Operator, null, "bench")).Key;
            using var http = new HttpClient { BaseAddress = baseUrl };
            http.DefaultRequestHeaders.Authorization = new("Bearer", key);
            var code = (await db.ScalarAsync<string>("select tracking_code from projections.public_cases where public_status in ('received','verified','in_progress') order by received_at desc limit 1"))!;

            var received = new long[rounds];
            var first = new long[rounds];
            var last = new long[rounds];
            var round = -1;
            var sockets = new List<ClientWebSocket>();
            var loops = new List<Task>();
            using var stop = new CancellationTokenSource();
            var wsUrl = new Uri($"ws://{baseUrl.Authority}/graphql");
            for (var i = 0; i < subscribers; i++)
            {
                var ws = new ClientWebSocket();
                ws.Options.AddSubProtocol("graphql-transport-ws");
                await ws.ConnectAsync(wsUrl, CancellationToken.None);
                await Send(ws, """{"type":"connection_init"}""");
                await Receive(ws, CancellationToken.None);
                await Send(ws, $$$"""{"id":"1","type":"subscribe","payload":{"query":"subscription { caseUpdated(trackingCode: \"{{{code}}}\") { trackingCode category status timeline { step } } }"}}""");
                sockets.Add(ws);
                loops.Add(Task.Run(async () =>
                {
                    var buffer = new byte[16 * 1024];
                    while (!stop.IsCancellationRequested)
                    {
                        var message = await Receive(ws, buffer, stop.Token);
                        if (message is null) return;
                        if (message.Contains("\"ping\"")) { await Send(ws, """{"type":"pong"}"""); continue; }
                        if (!message.Contains("\"next\"")) continue;
                        var r = Volatile.Read(ref round);
                        if (r < 0) continue;
                        var now = Stopwatch.GetTimestamp();
                        var n = Interlocked.Increment(ref received[r]);
                        if (n == 1) first[r] = now;
                        if (n == subscribers) last[r] = now;
                    }
                }));
            }
            var counter = app.Services.GetRequiredService<SubscriptionCounter>();
            await Until(() => counter.Active == subscribers, "every subscription to start");

            // The load: writers submitting reports as fast as they are answered (counted: what the freshness costs them).
            var submitted = 0L;
            var loadStarted = Stopwatch.GetTimestamp();
            var load = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                using var client = new HttpClient { BaseAddress = baseUrl };
                var n = 0;
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        using var r = await client.PostAsJsonAsync("/graphql", new
                        {
                            query = $$"""mutation { submitCase(input: { kind: FIELD_REPORT, category: "sanitation_environment", description: "load {{w}}-{{n++}}", ward: "Thuận Hóa", location: { latitude: 16.466, longitude: 107.596 } }) { trackingCode } }""",
                        }, stop.Token);
                        if (r.IsSuccessStatusCode) Interlocked.Increment(ref submitted);
                    }
                    catch (OperationCanceledException) { return; }
                }
            })).ToList();

            var toFirst = new List<double>();
            var toLast = new List<double>();
            var projection = new List<double>();
            string[] priorities = ["URGENT", "NORMAL"];
            for (var r = 0; r < rounds; r++)
            {
                var priority = priorities[r % 2];
                var sent = Stopwatch.GetTimestamp();
                Volatile.Write(ref round, r);
                using var response = await http.PostAsJsonAsync("/graphql", new
                {
                    query = $$"""mutation { classifyCase(input: { trackingCode: "{{code}}", category: "sanitation_environment", priority: {{priority}}, ward: "Thuận Hóa" }) { case { trackingCode } } }""",
                });
                var body = await response.Content.ReadAsStringAsync();
                if (body.Contains("\"errors\"")) throw new InvalidOperationException($"The mutation failed: {body}");
                if (fromAck) sent = Stopwatch.GetTimestamp();
                // The projection's own lag: until public_cases holds this round's change (its version moved on).
                var version = await db.ScalarAsync<long>("select s.version from cases.mt_streams s where s.id = (select case_id from projections.public_cases where tracking_code = $1)", code);
                while (await db.ScalarAsync<long>("select coalesce((select version from projections.public_cases where tracking_code = $1), 0)", code) < version)
                    await Task.Delay(1);
                projection.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                await Until(() => Interlocked.Read(ref received[r]) >= subscribers, $"round {r} to reach every subscriber");
                toFirst.Add(Math.Max(0, Stopwatch.GetElapsedTime(sent, first[r]).TotalMilliseconds));
                toLast.Add(Math.Max(0, Stopwatch.GetElapsedTime(sent, last[r]).TotalMilliseconds));
            }
            var writerRate = Interlocked.Read(ref submitted) / Stopwatch.GetElapsedTime(loadStarted).TotalSeconds;
            await stop.CancelAsync();
            await Task.WhenAll(load).ContinueWith(_ => { });
            foreach (var ws in sockets) ws.Abort();
            await Task.WhenAll(loops).ContinueWith(_ => { });
            await Until(() => counter.Active == 0, "every subscription to end");
            return (projection, toFirst, toLast, writerRate);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Per round: the last subscriber's time minus the projection's (never below zero: the benchmark polls the projection).</summary>
    internal static List<double> FanOut(List<double> projection, List<double> last) => projection.Zip(last, (p, l) => Math.Max(0, l - p)).ToList();

    internal static string P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var index = Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1);
        return $"{sorted[index]:F0}";
    }

    static Task Send(ClientWebSocket ws, string json) => ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);

    static Task<string?> Receive(ClientWebSocket ws, CancellationToken ct) => Receive(ws, new byte[16 * 1024], ct);

    /// <summary>The next message, read into <paramref name="buffer"/>: a subscriber's loop reuses its own, so the
    /// benchmark's thousand clients, on the same cores as the server, do not allocate 16 KB a message.</summary>
    static async Task<string?> Receive(ClientWebSocket ws, byte[] buffer, CancellationToken ct)
    {
        var count = 0;
        try
        {
            while (true)
            {
                var r = await ws.ReceiveAsync(buffer.AsMemory(count), ct);
                if (r.MessageType == WebSocketMessageType.Close) return null;
                count += r.Count;
                if (r.EndOfMessage) return Encoding.UTF8.GetString(buffer, 0, count);
                if (count == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            return null;
        }
    }

    static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"bench: gave up waiting for {what}");
            await Task.Delay(1);
        }
    }
}
