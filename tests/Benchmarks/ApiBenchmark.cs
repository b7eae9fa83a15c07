using System.Net.Http.Json;
using System.Text.Json;
using Cases.GraphQL.Host;
using Cases.GraphQL.Schema;
using Cases.Projections.ReadApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace Cases.Benchmarks;

/// <summary>
/// The API over real HTTP (Kestrel on loopback) on seeded data: requests per second and p50/p99 latency for the
/// public case list, a case by tracking code and a statistics query, each beside a plain ASP.NET endpoint that
/// runs the same read-model SQL and writes the same JSON, in the same run; and submitCase on its own. The engine
/// alone (the introspection query, per-field cost) is the graphql suite.
/// </summary>
public static class ApiBenchmark
{
    const string ListQuery = "{ cases(first: 20) { nodes { trackingCode category ward status agency receivedAt resolvedAt onTime rating } } }";
    const string StatsQuery = "{ statistics(from: \"2025-12\", to: \"2026-11\") { lateRate(by: AGENCY) { rows { group resolved resolvedLate lateRate } } } }";

    public static async Task RunAsync(BenchReport report)
    {
        var cases = int.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_CASES") ?? "2000");
        var seconds = double.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_SECONDS") ?? "10");
        var db = await SeededDatabase.CreateAsync(cases);
        try
        {
            var app = CasesApp.Build(["--urls", "http://127.0.0.1:0", $"--ConnectionStrings:Cases={db.ConnectionString}", "--Submissions:PerMinute=10000000"]);
            var reads = new PublicCaseQueries(db.DataSource);
            var stats = new StatisticsQueries(db.DataSource);
            app.MapGet("/plain/cases", async (HttpContext http) => await Json(http, w => WriteList(w, reads)));
            app.MapGet("/plain/case/{code}", async (HttpContext http, string code) => await Json(http, w => WriteCase(w, reads, code)));
            app.MapGet("/plain/stats", async (HttpContext http) => await Json(http, w => WriteStats(w, stats)));
            await app.StartAsync();
            var baseUrl = app.Urls.First();
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            var code = await db.ScalarAsync<string>("select tracking_code from projections.public_cases order by received_at desc limit 1");

            var caseQuery = $"{{ case(trackingCode: \"{code}\") {{ trackingCode status agency receivedAt resolvedAt onTime publicAnswer rating timeline {{ step at publicText }} }} }}";
            // The same JSON from both: checked once before measuring, so the comparison is fair.
            foreach (var (q, plain) in new[] { (ListQuery, "/plain/cases"), (caseQuery, $"/plain/case/{code}"), (StatsQuery, "/plain/stats") })
            {
                var a = await Post(http, q);
                var b = await http.GetStringAsync(plain);
                if (a != b) throw new InvalidOperationException($"Plain endpoint differs from GraphQL for {plain}:\n{a}\n{b}");
            }

            var rows = new List<string[]>();
            // CASES_BENCH_ONLY=list (or code, statistics, submit) measures one request alone, e.g. under a profiler.
            var only = Environment.GetEnvironmentVariable("CASES_BENCH_ONLY");
            // The same list by GET too, as the public site sends its (persisted) queries.
            var listByGet = "/graphql?query=" + Uri.EscapeDataString(ListQuery);
            var requests = new (string Name, Func<Task<string>> GraphQL, string Plain)[]
            {
                ("case list", () => Post(http, ListQuery), "/plain/cases"),
                ("case list, GET", () => http.GetStringAsync(listByGet), "/plain/cases"),
                ("case by code", () => Post(http, caseQuery), $"/plain/case/{code}"),
                ("statistics", () => Post(http, StatsQuery), "/plain/stats"),
            };
            var measured = requests.Where(r => only is null || r.Name.Contains(only, StringComparison.Ordinal)).ToList();
            // Every request warmed up before the first is measured: the first pair otherwise pays for the JIT's
            // optimised recompiling of the code all of them share (Kestrel, Npgsql, the engine), plain included.
            foreach (var (_, graphQL, plain) in measured)
            {
                await LoadRun.WarmUpAsync(8, graphQL);
                await LoadRun.WarmUpAsync(8, () => http.GetStringAsync(plain));
            }
            foreach (var (name, graphQL, plain) in measured)
            {
                var (g, p) = await LoadRun.PairedAsync(seconds, 8, graphQL, () => http.GetStringAsync(plain));
                rows.Add([name, $"{g.Rps:F0}", $"{g.P50:F1} / {g.P99:F1}", $"{p.Rps:F0}", $"{p.P50:F1} / {p.P99:F1}", $"{g.Rps / p.Rps:F2}",
                    $"{g.CpuMsPerRequest:F2} / {p.CpuMsPerRequest:F2}", $"{p.CpuMsPerRequest / g.CpuMsPerRequest:F2}"]);
            }
            if (only is null || only == "submit")
            {
                var n = 0;
                var submit = await Load(seconds, () => Post(http, $$"""mutation { submitCase(input: { kind: FIELD_REPORT, category: "sanitation_environment", description: "bench {{Interlocked.Increment(ref n)}}", ward: "Thuận Hóa", location: { latitude: 16.4668, longitude: 107.5947 } }) { trackingCode } }"""));
                rows.Add(["submitCase", $"{submit.Rps:F0}", $"{submit.P50:F1} / {submit.P99:F1}", "-", "-", "-", $"{submit.CpuMsPerRequest:F2}", "-"]);
            }
            report.Table($"api: GraphQL over HTTP vs a plain ASP.NET endpoint (same SQL, same JSON; {cases} seeded cases, 8 concurrent clients)",
                ["request", "GraphQL req/s", "p50 / p99 ms", "plain req/s", "p50 / p99 ms", "ratio", "CPU ms/req GraphQL / plain", "CPU ratio (plain / GraphQL)"], rows);

            await app.StopAsync();
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    /// <summary>
    /// A POST as GraphQL clients send it: the JSON body with its Content-Length (fetch and graphql-http's client do;
    /// PostAsJsonAsync would stream it chunked and serialise it anew each time, which no client measured here does).
    /// </summary>
    static async Task<string> Post(HttpClient http, string query)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { query }));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync("/graphql", content);
        return await response.Content.ReadAsStringAsync();
    }

    static Task<LoadRun> Load(double seconds, Func<Task<string>> request, int clients = 8) => LoadRun.MeasureAsync(seconds, clients, request);

    static async Task Json(HttpContext http, Func<Utf8JsonWriter, Task> write)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        // The same escaping as the GraphQL endpoint (UTF-8 as is), so both send the same bytes.
        await using var w = new Utf8JsonWriter(http.Response.Body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WritePropertyName("data");
        await write(w);
        w.WriteEndObject();
    }

    static string? At(Instant? i) => i is { } v ? CasesScalars.Format(v) : null;

    static async Task WriteList(Utf8JsonWriter w, PublicCaseQueries reads)
    {
        var page = await reads.ListAsync(new PublicCaseFilter(), new PageRequest(20));
        w.WriteStartObject(); w.WritePropertyName("cases"); w.WriteStartObject(); w.WritePropertyName("nodes"); w.WriteStartArray();
        foreach (var c in page.Items)
        {
            w.WriteStartObject();
            w.WriteString("trackingCode", c.TrackingCode); w.WriteString("category", c.Category); w.WriteString("ward", c.Ward);
            w.WriteString("status", CasesEnums.Screaming(c.Status.ToString())); w.WriteString("agency", c.LeadAgency);
            w.WriteString("receivedAt", At(c.ReceivedAt)); w.WriteString("resolvedAt", At(c.ResolvedAt));
            if (c.OnTime is { } t) w.WriteBoolean("onTime", t); else w.WriteNull("onTime");
            if (c.Rating is { } r) w.WriteNumber("rating", r); else w.WriteNull("rating");
            w.WriteEndObject();
        }
        w.WriteEndArray(); w.WriteEndObject(); w.WriteEndObject();
    }

    static async Task WriteCase(Utf8JsonWriter w, PublicCaseQueries reads, string code)
    {
        var d = (await reads.GetAsync(code))!;
        var c = d.Case;
        w.WriteStartObject(); w.WritePropertyName("case"); w.WriteStartObject();
        w.WriteString("trackingCode", c.TrackingCode); w.WriteString("status", CasesEnums.Screaming(c.Status.ToString())); w.WriteString("agency", c.LeadAgency);
        w.WriteString("receivedAt", At(c.ReceivedAt)); w.WriteString("resolvedAt", At(c.ResolvedAt));
        if (c.OnTime is { } t) w.WriteBoolean("onTime", t); else w.WriteNull("onTime");
        w.WriteString("publicAnswer", c.PublicAnswer);
        if (c.Rating is { } r) w.WriteNumber("rating", r); else w.WriteNull("rating");
        w.WritePropertyName("timeline"); w.WriteStartArray();
        foreach (var s in d.Timeline) { w.WriteStartObject(); w.WriteString("step", s.Step); w.WriteString("at", At(s.OccurredAt)); w.WriteString("publicText", s.PublicText); w.WriteEndObject(); }
        w.WriteEndArray(); w.WriteEndObject(); w.WriteEndObject();
    }

    static async Task WriteStats(Utf8JsonWriter w, StatisticsQueries stats)
    {
        var report = await stats.LateRatesAsync(new StatisticsPeriod(new YearMonth(2025, 12), new YearMonth(2026, 11)), StatisticsGrouping.Agency);
        w.WriteStartObject(); w.WritePropertyName("statistics"); w.WriteStartObject(); w.WritePropertyName("lateRate"); w.WriteStartObject();
        w.WritePropertyName("rows"); w.WriteStartArray();
        foreach (var r in report.Rows)
        {
            w.WriteStartObject(); w.WriteString("group", r.Group); w.WriteNumber("resolved", r.Resolved); w.WriteNumber("resolvedLate", r.ResolvedLate);
            if (r.LateRate is { } lr) w.WriteNumber("lateRate", lr); else w.WriteNull("lateRate");
            w.WriteEndObject();
        }
        w.WriteEndArray(); w.WriteEndObject(); w.WriteEndObject(); w.WriteEndObject();
    }
}
