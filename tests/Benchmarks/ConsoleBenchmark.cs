using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cases.Access;
using Cases.Domain;
using Cases.GraphQL.Host;
using NodaTime;

namespace Cases.Benchmarks;

/// <summary>
/// The staff console's two live queries over real HTTP on bulk-seeded data (issue 13): the operator's inbox
/// (each stage, as the console asks for it) and an agency's queue with its counts (the agency with the most
/// open cases), each beside the public case list in the same run, as p50/p99 latency and requests per second
/// with 8 concurrent clients. The seed keeps most cases open (<see cref="Cases.GraphQL.Seeding.SeedOptions.OpenShare"/>,
/// CASES_BENCH_CONSOLE_OPEN_SHARE, default 0.97: stopped at received, verified, assigned or in progress) so that
/// CASES_BENCH_CONSOLE_OPEN (default 100,000) open cases need about that many seeded, not twenty times as many;
/// CASES_BENCH_CONSOLE_CASES sets the seeded count directly instead. Seeding goes through the real decider, the
/// bulk event append and the projections' catch-up by the daemon, as every benchmark's does.
/// </summary>
public static class ConsoleBenchmark
{
    const string PublicList = "{ cases(first: 20) { nodes { trackingCode category ward status agency receivedAt resolvedAt onTime rating } } }";

    // The console's own queries (wwwroot/console/inbox.js and queue.js, issue 20): a page of 50 (51 asked, to know
    // whether more follow), its evidence, badges and cursor, and every stage's count under the same filter.
    static string Inbox(string stage, string filter = "", string? after = null) => $$"""
        { inbox(stage: {{stage}}, first: 51{{(after is null ? "" : $", after: \"{after}\"")}}{{filter}}) {
            trackingCode kind category ward priority status receivedAt verifyDueAt dueAt overdue description channel
            photos location { latitude longitude } flag flagReason flagAt resolvedAt cursor
            duplicateSuggestions { trackingCode category ward publicStatus receivedAt distanceMeters } }
          inboxCounts{{(filter.Length > 0 ? $"({filter.TrimStart(',', ' ')})" : "")}} { toVerify toAssign toReview } }
        """;

    const string Queue = """
        { myQueue(first: 51) { trackingCode kind category priority ward status accepted assignedAt acceptDueAt dueAt effectiveDueAt waitingForCitizen urgency
            channel flag flagReason flagAt cursor }
          myQueueCount myQueueCounts { overdue dueSoon onTrack } }
        """;

    public static async Task RunAsync(BenchReport report)
    {
        var share = double.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_CONSOLE_OPEN_SHARE") ?? "0.97", System.Globalization.CultureInfo.InvariantCulture);
        var target = int.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_CONSOLE_OPEN") ?? "100000");
        var cases = Environment.GetEnvironmentVariable("CASES_BENCH_CONSOLE_CASES") is { Length: > 0 } n ? int.Parse(n)
            : share > 0 ? (int)Math.Ceiling(target / share) : target;
        var seconds = double.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_SECONDS") ?? "10");
        var sw = Stopwatch.StartNew();
        var db = await SeededDatabase.CreateBulkAsync(cases, caughtUp: true, openShare: share);
        var seeded = sw.Elapsed;
        try
        {
            // A center at this size has had autovacuum over its tables: statistics for the planner and the visibility
            // map for index-only scans. Just caught up from nothing, they have neither, and the first minutes would
            // measure autovacuum racing the load (alike for the public list and the console, but not steady state).
            await using (var unbounded = global::Cases.Database.CasesDatabase.Create(db.ConnectionString + ";Command Timeout=0"))
            await using (var vacuum = unbounded.CreateCommand("vacuum analyze projections.agency_queues, projections.public_cases, projections.sla_facts"))
                await vacuum.ExecuteNonQueryAsync();
            var keys = new ApiKeys(db.DataSource, SystemClock.Instance);
            var open = await db.ScalarAsync<long>("select count(*) from projections.agency_queues where open");
            var openAll = await db.ScalarAsync<long>("select count(*) from projections.agency_queues where status in ('received', 'verified', 'assigned', 'in_progress', 'waiting_for_citizen')");
            var reviewing = await db.ScalarAsync<long>("select count(*) from projections.agency_queues where status = 'resolved'");
            var unassigned = await db.ScalarAsync<long>("select count(*) from projections.agency_queues where status in ('received', 'verified')");
            var agency = await db.ScalarAsync<string>("select agency from projections.agency_queues where open group by agency order by count(*) desc, agency limit 1");
            var agencyOpen = await db.ScalarAsync<long>("select count(*) from projections.agency_queues where open group by agency order by count(*) desc, agency limit 1");
            var someCode = await db.ScalarAsync<string>("select tracking_code from projections.agency_queues where status = 'received' order by tracking_code limit 1 offset 100");
            var operatorKey = (await keys.CreateAsync(Role.Operator, null, "bench operator")).Key;
            var agencyKey = (await keys.CreateAsync(Role.Agency, agency, "bench agency")).Key;
            var writes = double.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_CONSOLE_WRITES") ?? "5", System.Globalization.CultureInfo.InvariantCulture);

            // The work lists are served from an exact cache (ReadModelCache): measured as a center reads them with no
            // change meanwhile, while citizens submit reports (each projected submission makes the lists stale), and
            // with the cache off (every request reads the tables), each against the public list in the same run.
            foreach (var (label, cached, perSecond) in new[] { ("no writes", true, 0.0), ($"{writes:0.#} reports/s submitted meanwhile", true, writes), ("no writes, cache off", false, 0.0) })
            {
                var app = CasesApp.Build(["--urls", "http://127.0.0.1:0", $"--ConnectionStrings:Cases={db.ConnectionString}",
                    $"--Console:CacheWorkLists={cached}", "--Submissions:PerMinute=100000000"]);
                await app.StartAsync();
                using var pub = Client(app.Urls.First(), null);
                using var op = Client(app.Urls.First(), operatorKey);
                using var ag = Client(app.Urls.First(), agencyKey);
                using var stop = new CancellationTokenSource();
                var writer = perSecond > 0 ? Task.Run(() => SubmitAsync(app.Urls.First(), perSecond, stop.Token)) : Task.CompletedTask;
                var submittedBefore = await db.ScalarAsync<long>("select count(*) from cases.mt_streams");

                var rows = new List<string[]>();
                var baseline = await Load(seconds, () => Post(pub, PublicList));
                rows.Add(Row("public case list (baseline)", baseline, baseline));
                foreach (var stage in new[] { "TO_VERIFY", "TO_ASSIGN", "TO_REVIEW" })
                    rows.Add(Row($"operator inbox {stage}, first page + counts", await Load(seconds, () => Post(op, Inbox(stage))), baseline));
                // The second page of "to verify" by its cursor, a search by tracking code, a search by words of the
                // description, and a ward filter: what triage at volume asks.
                var cursor = System.Text.Json.JsonDocument.Parse(await Post(op, Inbox("TO_VERIFY"))).RootElement
                    .GetProperty("data").GetProperty("inbox").EnumerateArray().Last().GetProperty("cursor").GetString()!;
                rows.Add(Row("operator inbox TO_VERIFY, second page (keyset)", await Load(seconds, () => Post(op, Inbox("TO_VERIFY", after: cursor))), baseline));
                rows.Add(Row("operator inbox TO_VERIFY, search by tracking code", await Load(seconds, () => Post(op, Inbox("TO_VERIFY", $", search: \"{someCode}\""))), baseline));
                // Words of the description: a phrase a few hundred reports hold, and a word one report in seven holds.
                foreach (var words in new[] { "ép giá", "rác" })
                    rows.Add(Row($"operator inbox TO_VERIFY, search by text \"{words}\"", await Load(seconds, () => Post(op, Inbox("TO_VERIFY", $", search: \"{words}\""))), baseline));
                rows.Add(Row("operator inbox TO_VERIFY, ward filter", await Load(seconds, () => Post(op, Inbox("TO_VERIFY", ", ward: \"Thuận Hóa\""))), baseline));
                rows.Add(Row($"agency queue + counts ({agency}, {agencyOpen} open)", await Load(seconds, () => Post(ag, Queue)), baseline));
                await stop.CancelAsync();
                await writer;
                var submitted = await db.ScalarAsync<long>("select count(*) from cases.mt_streams") - submittedBefore;
                report.Table($"console, {label}: staff queries vs the public case list ({cases} seeded cases, open share {share:F2}: {openAll} open, {open} of them with an agency, "
                    + $"{unassigned} not yet assigned, {reviewing} resolved to review; 8 concurrent clients)",
                    ["request", "req/s", "p50 / p99 ms", "req/s ÷ public list", "p50 ÷ public list", "p99 ÷ public list"], rows,
                    $"Bulk seed {db.ImportTime.TotalSeconds:F0} s ({db.Events} events), projection catch-up by the daemon {(seeded - db.ImportTime).TotalSeconds:F0} s, then VACUUM ANALYZE of the read models."
                    + (perSecond > 0 ? $" {submitted} reports submitted during the measurement." : ""));
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    /// <summary>Citizens' reports at a steady rate, each through /graphql as the site sends it, until stopped.</summary>
    static async Task SubmitAsync(string baseUrl, double perSecond, CancellationToken stop)
    {
        using var http = Client(baseUrl, null);
        var every = TimeSpan.FromSeconds(1 / perSecond);
        var next = Stopwatch.GetTimestamp();
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            try
            {
                await Post(http, $$"""mutation { submitCase(input: { kind: FIELD_REPORT, category: "sanitation_environment", description: "Rác tồn đọng {{n}}", ward: "Thuận Hóa", location: { latitude: 16.466, longitude: 107.596 } }) { trackingCode } }""");
                next += (long)(every.TotalSeconds * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stop);
            }
            catch (OperationCanceledException) { return; }
        }
    }

    static string[] Row(string name, LoadRun r, LoadRun baseline) =>
        [name, $"{r.Rps:F0}", $"{r.P50:F1} / {r.P99:F1}", $"{r.Rps / baseline.Rps:F2}", $"{r.P50 / baseline.P50:F2}", $"{r.P99 / baseline.P99:F2}"];

    static HttpClient Client(string baseUrl, string? key)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        if (key is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    /// <summary>Fails the run on a GraphQL error: a figure for a refused query would measure nothing.</summary>
    static async Task<string> Post(HttpClient http, string query)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 400)]}");
        return body;
    }

    static Task<LoadRun> Load(double seconds, Func<Task<string>> request, int clients = 8) => LoadRun.MeasureAsync(seconds, clients, request);
}
