using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cases.GraphQL.Host;
using Cases.GraphQL.OpenData;
using Npgsql;

namespace Cases.Benchmarks;

/// <summary>
/// Open311 and open data (issue 23), in one run on one database:
/// <list type="number">
/// <item><c>GET requests.json</c> and <c>.xml</c> with 1,000 rows beside the GraphQL case list reading the same rows
/// (ten pages of 100, GraphQL's largest page, with the fields Open311 shows), as rows per second with 8 clients
/// over real HTTP; the aim is at least 0.8 of GraphQL's rows per second.</item>
/// <item>The public cases CSV through <c>/open-data/cases.csv</c> at growing sizes (CASES_BENCH_EXPORT_CASES, default
/// 100000,1000000), in rows per second beside <c>COPY (the same SELECT) TO STDOUT</c> read by Npgsql, and the managed
/// memory the export holds above what it held before (sampled every 5 ms): flat as cases grow. The rows beyond the
/// seeded cases are synthetic public_cases rows (the export reads that table alone), added by SQL.</item>
/// </list>
/// </summary>
public static class Open311Benchmark
{
    const string GraphQLList = """
        query($from: DateTime!, $to: DateTime!, $after: String) {
          cases(where: { kind: FIELD_REPORT, receivedFrom: $from, receivedTo: $to }, first: 100, after: $after) {
            nodes { trackingCode category ward status agency receivedAt updatedAt dueAt extendedDueAt verifyDueAt summary
                    location { latitude longitude } photos { url } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    public static async Task RunAsync(BenchReport report)
    {
        var cases = int.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_OPEN311_CASES") ?? "12000");
        var sizes = (Environment.GetEnvironmentVariable("CASES_BENCH_EXPORT_CASES") ?? "100000,1000000").Split(',').Select(int.Parse).ToArray();
        var seconds = double.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_SECONDS") ?? "10");
        var db = await SeededDatabase.CreateBulkAsync(cases, caughtUp: true);
        try
        {
            var app = CasesApp.Build(["--urls", "http://127.0.0.1:0", $"--ConnectionStrings:Cases={db.ConnectionString}"]);
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) };
            await RequestsAsync(report, db, http, seconds);
            await ExportAsync(report, db, http, sizes);
            await app.StopAsync();
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    static async Task RequestsAsync(BenchReport report, SeededDatabase db, HttpClient http, double seconds)
    {
        // The newest 1,000 field reports within 90 days of the newest: the window both APIs are asked for.
        var end = await db.ScalarAsync<DateTime>("select max(received_at) from projections.public_cases where kind = 'field_report'");
        var start = end.AddDays(-89);
        var inWindow = await db.ScalarAsync<long>("select count(*) from projections.public_cases where kind = 'field_report' and received_at >= $1 and received_at <= $2", start, end);
        var rows = (int)Math.Min(1000, inWindow);
        string W3c(DateTime t) => new DateTimeOffset(t, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        var (from, to) = (W3c(start), W3c(end.AddSeconds(1)));

        async Task<int> Open311(string format)
        {
            var text = await http.GetStringAsync($"/open311/v2/requests.{format}?start_date={from}&end_date={to}&page_size=1000");
            return text.Length;
        }
        async Task<int> GraphQL()
        {
            string? after = null;
            var read = 0;
            for (var page = 0; page < 10 && read < rows; page++)
            {
                using var response = await http.PostAsJsonAsync("/graphql", new { query = GraphQLList, variables = new { from, to, after } });
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                if (body["errors"] is not null) throw new InvalidOperationException(body.ToJsonString());
                var list = body["data"]!["cases"]!;
                read += list["nodes"]!.AsArray().Count;
                after = list["pageInfo"]!["endCursor"]?.GetValue<string>();
            }
            return read;
        }
        // Both read the same rows: checked once before measuring.
        var graphRows = await GraphQL();
        var json = JsonNode.Parse(await http.GetStringAsync($"/open311/v2/requests.json?start_date={from}&end_date={to}&page_size=1000"))!.AsArray().Count;
        if (graphRows != rows || json != rows) throw new InvalidOperationException($"rows differ: Open311 {json}, GraphQL {graphRows}, expected {rows}");

        await LoadRun.WarmUpAsync(8, GraphQL);
        await LoadRun.WarmUpAsync(8, () => Open311("json"));
        await LoadRun.WarmUpAsync(8, () => Open311("xml"));
        var graph = await LoadRun.MeasureAsync(seconds, 8, GraphQL);
        var jsonRun = await LoadRun.MeasureAsync(seconds, 8, () => Open311("json"));
        var xmlRun = await LoadRun.MeasureAsync(seconds, 8, () => Open311("xml"));
        string[] Row(string name, LoadRun r, int requestsPerRead) =>
            [name, $"{r.Rps / requestsPerRead * rows:F0}", $"{r.P50:F1} / {r.P99:F1}", $"{r.Rps / requestsPerRead / (graph.Rps):F2}"];
        report.Table($"open311: GET requests ({rows} rows, one request) vs the GraphQL case list for the same rows (10 pages of 100), {db.Cases} seeded cases, 8 clients",
            ["read", "rows/s", "p50 / p99 ms per request", "rows/s ÷ GraphQL"],
            [Row("GraphQL cases, 10 pages of 100 (baseline)", graph, 1), Row("Open311 requests.json", jsonRun, 1), Row("Open311 requests.xml", xmlRun, 1)],
            "A GraphQL read is the ten page requests in a row; its p50/p99 are for the ten together.");
    }

    static async Task ExportAsync(BenchReport report, SeededDatabase db, HttpClient http, int[] sizes)
    {
        var table = new List<string[]>();
        // Writing and copying a million rows outlasts the default command timeout on a busy machine.
        await using var unbounded = global::Cases.Database.CasesDatabase.Create(db.ConnectionString + ";Command Timeout=0");
        foreach (var size in sizes)
        {
            var have = await db.ScalarAsync<long>("select count(*) from projections.public_cases");
            if (have < size) await AddSyntheticAsync(unbounded, have, (int)(size - have));
            await using (var vacuum = unbounded.CreateCommand("vacuum analyze projections.public_cases")) await vacuum.ExecuteNonQueryAsync();

            // Warm both once (plans, buffers), then measure each twice and keep the better.
            await ExportOnce(http);
            await CopyOnce(unbounded);
            (long Rows, double Seconds, long Memory) best = (0, double.MaxValue, 0);
            for (var i = 0; i < 2; i++)
            {
                var r = await ExportOnce(http);
                if (r.Seconds < best.Seconds) best = (r.Rows, r.Seconds, Math.Max(best.Memory, r.Memory));
                else best.Memory = Math.Max(best.Memory, r.Memory);
            }
            var copy = double.MaxValue;
            long copyRows = 0;
            for (var i = 0; i < 2; i++)
            {
                var c = await CopyOnce(unbounded);
                copy = Math.Min(copy, c.Seconds);
                copyRows = c.Rows;
            }
            if (copyRows != best.Rows) throw new InvalidOperationException($"rows differ: export {best.Rows}, COPY {copyRows}");
            table.Add([$"{best.Rows:N0}", $"{best.Rows / best.Seconds:F0}", $"{copyRows / copy:F0}", $"{copy / best.Seconds:F2}", $"{best.Memory / 1024.0 / 1024.0:F1} MB"]);
        }
        report.Table("open data: /open-data/cases.csv over HTTP vs COPY (the same SELECT) TO STDOUT",
            ["public cases", "export rows/s", "COPY rows/s", "export ÷ COPY", "managed memory held by the export (peak above start)"], table,
            "Rows beyond the seeded cases are synthetic public_cases rows written by SQL (the export reads that table only).");
    }

    static async Task<(long Rows, double Seconds, long Memory)> ExportOnce(HttpClient http)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(true);
        long peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                try { await Task.Delay(5, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        var sw = Stopwatch.StartNew();
        using var response = await http.GetAsync("/open-data/cases.csv", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long lines = 0;
        int n;
        while ((n = await body.ReadAsync(buffer)) > 0) lines += buffer.AsSpan(0, n).Count((byte)'\n');
        var seconds = sw.Elapsed.TotalSeconds;
        sampling.Cancel();
        await sampler;
        // Line breaks inside quoted text are not rows: the synthetic rows have none, and the seeded summaries none.
        return (lines - 1, seconds, peak - before);
    }

    static async Task<(long Rows, double Seconds)> CopyOnce(NpgsqlDataSource db)
    {
        // COPY takes no parameters: the export's filters, all absent, as typed nulls.
        var select = System.Text.RegularExpressions.Regex.Replace(PublicCasesExport.Select, @"\$([1-5])(::\w+)?",
            m => m.Groups[1].Value is "1" or "2" ? "null::timestamptz" : "null::text");
        var sw = Stopwatch.StartNew();
        await using var conn = await db.OpenConnectionAsync();
        long rows = 0;
        using (var reader = await conn.BeginTextExportAsync($"copy ({select} order by received_at, tracking_code) to stdout with (format csv)"))
        {
            var buffer = new char[32 * 1024];
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0) rows += buffer.AsSpan(0, n).Count('\n');
        }
        return (rows, sw.Elapsed.TotalSeconds);
    }

    /// <summary>Public rows as the projection writes them, spread over two years, in the seeded wards and categories.</summary>
    static async Task AddSyntheticAsync(NpgsqlDataSource db, long have, int count)
    {
        await using var cmd = db.CreateCommand("""
        insert into projections.public_cases (case_id, tracking_code, kind, category, ward, latitude, longitude, channel, public_status,
            lead_agency, cycle, received_at, due_at, resolved_at, on_time, public_answer, rating, version, updated_at, public_summary)
        select gen_random_uuid(), 'SYN-' || to_char(g, 'FM0000000'), 'field_report',
               (array['sanitation_environment','traffic_infrastructure','urban_infrastructure','public_order','construction_order','tourism_service'])[1 + g % 6],
               (array['Thuận Hóa','Phú Xuân','Vỹ Dạ','An Cựu','Kim Long','Thủy Xuân','Hương An','Dương Nỗ'])[1 + g % 8],
               round((16.40 + (g % 1000) / 10000.0)::numeric, 3)::float8, round((107.55 + (g % 997) / 10000.0)::numeric, 3)::float8,
               'app', case when g % 4 = 0 then 'in_progress' else 'resolved' end, 'hepco', 1,
               now() - make_interval(secs => g % 63072000), now() - make_interval(secs => g % 63072000) + interval '3 days',
               case when g % 4 = 0 then null else now() - make_interval(secs => g % 63072000) + interval '2 days' end,
               case when g % 4 = 0 then null else g % 10 <> 0 end,
               case when g % 4 = 0 then null else 'Đã xử lý, thu gom sạch sẽ' end, case when g % 3 = 0 then 4 else null end,
               5, now(), 'Rác thải tồn đọng ven đường, bốc mùi khó chịu'
        from generate_series($2 + 1, $2 + $1) g
        """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = count });
        cmd.Parameters.Add(new NpgsqlParameter { Value = have });
        await cmd.ExecuteNonQueryAsync();
    }
}
