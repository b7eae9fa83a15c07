using CommunityToolkit.HighPerformance.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;
using Cases.GraphQL.Engine.Validation;
using Cases.GraphQL.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.Benchmarks;

/// <summary>
/// The engine alone, without HTTP or a database: the full introspection query on the Cases schema (parse, validate,
/// execute and each on its own), and a 20-row list of 9 fields from memory through the engine beside the same JSON
/// written directly: the per-field cost of completion, dispatch and writing that the api suite's lists pay.
/// </summary>
public static class GraphQLBenchmark
{
    public static async Task RunAsync(BenchReport report)
    {
        var seconds = double.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_SECONDS") ?? "10");
        // CASES_BENCH_ONLY=introspection|list|cases runs one table (to profile it).
        var only = Environment.GetEnvironmentVariable("CASES_BENCH_ONLY");
        // The schema is built from the host's services; nothing here opens a connection.
        var app = CasesApp.Build(["--ConnectionStrings:Cases=Host=127.0.0.1;Port=1;Database=none"]);
        var schema = app.Services.GetRequiredService<Schema>();
        var context = new Cases.GraphQL.Schema.RequestContext(new Domain.Actor("bench", Domain.Role.Public), "bench", "bench");

        if (only is null or "introspection") await IntrospectionAsync(report, seconds, schema, context);
        if (only is null or "list") await MemoryListAsync(report, seconds);
        await app.DisposeAsync();
        if (only is null or "cases") await CasesListAsync(report, seconds);
    }

    static async Task IntrospectionAsync(BenchReport report, double seconds, Schema schema, Cases.GraphQL.Schema.RequestContext context)
    {
        var introspection = Cases.GraphQL.Engine.Introspection.IntrospectionQuery.Full();
        var parsed = Parser.Parse(introspection);
        var full = await Rate(seconds, async () =>
        {
            var doc = Parser.Parse(introspection);
            if (DocumentValidator.Validate(schema, doc).Count > 0) throw new InvalidOperationException("introspection invalid");
            Check(await Executor.ExecuteAsync(new ExecutionRequest(schema, doc, Context: context)));
        });
        var whole = await Rate(seconds, async () =>
        {
            var doc = Parser.Parse(introspection);
            if (DocumentValidator.Validate(schema, doc).Count > 0) throw new InvalidOperationException("introspection invalid");
            Write(Check(await Executor.ExecuteAsync(new ExecutionRequest(schema, doc, Context: context))));
        });
        var parse = await Rate(seconds / 2, () => { Parser.Parse(introspection); return Task.CompletedTask; });
        var validate = await Rate(seconds / 2, () => { DocumentValidator.Validate(schema, parsed, Cases.GraphQL.Engine.Http.GraphQLHttpOptions.PublicEndpoint.ValidationLimits); return Task.CompletedTask; });
        var execute = await Rate(seconds / 2, async () => Write(Check(await Executor.ExecuteAsync(new ExecutionRequest(schema, parsed, Context: context)))));
        string[] header = ["step", "per second", "CPU µs each", "KB allocated each", "ratio"];
        report.Table("graphql: the engine alone on the Cases schema, full introspection query", header,
        [
            full.Row("parse + validate + execute"),
            whole.Row("parse + validate + execute + write JSON", full),
            parse.Row("parse", full),
            validate.Row("validate (public endpoint limits)", full),
            execute.Row("execute + write JSON", full),
        ]);
    }

    static async Task MemoryListAsync(BenchReport report, double seconds)
    {
        string[] header = ["step", "per second", "CPU µs each", "KB allocated each", "ratio"];
        var (listSchema, rows) = ListSchema();
        var listDoc = Parser.Parse("{ cases { trackingCode category ward status agency receivedAt resolvedAt onTime rating } }");
        var engine = await Rate(seconds, async () => Write(Check(await Executor.ExecuteAsync(new ExecutionRequest(listSchema, listDoc)))));
        var direct = await Rate(seconds, () => { WriteDirect(rows); return Task.CompletedTask; });
        report.Table("graphql: a 20-row list of 9 fields from memory, the engine beside writing the same JSON directly",
            header, [direct.Row("Utf8JsonWriter alone"), engine.Row("engine: execute + write", direct)]);
    }

    /// <summary>
    /// The public case list on the Cases schema with its real resolvers and a seeded database, executed in process
    /// (no HTTP), beside the same read and JSON written directly: what the engine adds once the network is out.
    /// </summary>
    static async Task CasesListAsync(BenchReport report, double seconds)
    {
        var db = await SeededDatabase.CreateAsync(2000);
        try
        {
            var app = CasesApp.Build([$"--ConnectionStrings:Cases={db.ConnectionString}"]);
            var schema = app.Services.GetRequiredService<Schema>();
            var context = new Cases.GraphQL.Schema.RequestContext(new Domain.Actor("bench", Domain.Role.Public), "bench", "bench");
            var list = Parser.Parse("{ cases(first: 20) { nodes { trackingCode category ward status agency receivedAt resolvedAt onTime rating } } }");
            var reads = new Cases.Projections.ReadApi.PublicCaseQueries(db.DataSource);
            var (engine, direct) = await PairedRate(seconds, async () => Write(Check(await Executor.ExecuteAsync(new ExecutionRequest(schema, list, Context: context)))), async () =>
            {
                var page = await reads.ListAsync(new Cases.Projections.ReadApi.PublicCaseFilter(), new Cases.Projections.ReadApi.PageRequest(20));
                using var buffer = new ArrayPoolBufferWriter<byte>();
                using var w = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions);
                w.WriteStartArray();
                foreach (var c in page.Items)
                {
                    w.WriteStartObject();
                    w.WriteString("trackingCode", c.TrackingCode); w.WriteString("category", c.Category); w.WriteString("ward", c.Ward);
                    w.WriteString("status", Cases.GraphQL.Schema.CasesEnums.Screaming(c.Status.ToString())); w.WriteString("agency", c.LeadAgency);
                    w.WriteString("receivedAt", Cases.GraphQL.Schema.CasesScalars.Format(c.ReceivedAt));
                    w.WriteString("resolvedAt", c.ResolvedAt is { } r ? Cases.GraphQL.Schema.CasesScalars.Format(r) : null);
                    if (c.OnTime is { } t) w.WriteBoolean("onTime", t); else w.WriteNull("onTime");
                    if (c.Rating is { } n) w.WriteNumber("rating", n); else w.WriteNull("rating");
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
            report.Table("graphql: the public case list on the Cases schema and a seeded database, in process (no HTTP), one caller",
                ["path", "per second", "CPU µs each", "KB allocated each", "ratio"], [direct.Row("read + Utf8JsonWriter"), engine.Row("engine: execute + write", direct)]);
            await app.DisposeAsync();
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    static ExecutionResult Check(ExecutionResult result) =>
        result.Errors is { Count: > 0 } ? throw new InvalidOperationException(result.Errors[0].Message) : result;

    /// <summary>Per second of wall time; and, steadier when the machine is shared, CPU time and bytes allocated per run.</summary>
    sealed record Measured(double PerSecond, double CpuMicros, double AllocatedKb)
    {
        public string[] Row(string name, Measured? baseline = null) =>
            [name, $"{PerSecond:F0}", $"{CpuMicros:F1}", $"{AllocatedKb:F1}", baseline is null ? "1.00" : $"{PerSecond / baseline.PerSecond:F2}"];
    }

    static async Task<Measured> Rate(double seconds, Func<Task> run)
    {
        await WarmUp(run);
        return await Measure(seconds, run);
    }

    // Warm-up, as in LoadRun: long enough for the tiered JIT to have compiled the hot path optimised.
    static async Task WarmUp(Func<Task> run)
    {
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < LoadRun.WarmUpSeconds) await run();
    }

    /// <summary>
    /// Two runs that share a database, in alternating rounds after both are warmed up (as LoadRun.PairedAsync), so
    /// that what the database does meanwhile (autovacuum after the seed, its caches) weighs on both alike.
    /// </summary>
    static async Task<(Measured A, Measured B)> PairedRate(double seconds, Func<Task> a, Func<Task> b, int rounds = 4)
    {
        await WarmUp(a);
        await WarmUp(b);
        var (ra, rb) = (new List<Measured>(), new List<Measured>());
        for (var i = 0; i < rounds; i++)
        {
            ra.Add(await Measure(seconds / rounds, a));
            rb.Add(await Measure(seconds / rounds, b));
        }
        static Measured Mean(List<Measured> m) => new(m.Average(x => x.PerSecond), m.Average(x => x.CpuMicros), m.Average(x => x.AllocatedKb));
        return (Mean(ra), Mean(rb));
    }

    static async Task<Measured> Measure(double seconds, Func<Task> run)
    {
        var n = 0;
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            await run();
            n++;
        }
        var elapsed = sw.Elapsed.TotalSeconds;
        process.Refresh();
        // The runtime's count of bytes allocated can step back a few KB under server GC; a run allocating nothing
        // then shows 0, not a negative figure.
        return new Measured(n / elapsed, (process.TotalProcessorTime - cpu).TotalMicroseconds / n,
            Math.Max(0, GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / n);
    }

    // Into a pooled buffer, as the HTTP endpoint writes a response.
    static void Write(ExecutionResult result)
    {
        using var buffer = new ArrayPoolBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions);
        result.WriteTo(writer);
    }

    sealed record Row(string TrackingCode, string Category, string Ward, string Status, string Agency, string ReceivedAt, string? ResolvedAt, bool? OnTime, int? Rating);

    static (Schema, Row[]) ListSchema()
    {
        var rows = Enumerable.Range(0, 20).Select(i => new Row($"HUE-26-{i:D6}", "urban_infrastructure", "Thuận Hóa", "RESOLVED", "so-xay-dung",
            "2026-11-20T09:00:00+07:00", i % 3 == 0 ? null : "2026-11-21T10:00:00+07:00", i % 3 == 0 ? null : i % 2 == 0, i % 4 == 0 ? null : 4)).ToArray();
        static FieldDefinition F(string name, IGraphQLType type, Func<Row, object?> get) => new(name, type) { Resolve = c => ValueTask.FromResult(get((Row)c.Source!)) };
        var s = BuiltInScalars.String;
        var row = new ObjectType("Case")
        {
            Fields =
            {
                F("trackingCode", new NonNullType(s), r => r.TrackingCode), F("category", new NonNullType(s), r => r.Category), F("ward", s, r => r.Ward),
                F("status", new NonNullType(s), r => r.Status), F("agency", s, r => r.Agency), F("receivedAt", new NonNullType(s), r => r.ReceivedAt),
                F("resolvedAt", s, r => r.ResolvedAt), F("onTime", BuiltInScalars.Boolean, r => r.OnTime), F("rating", BuiltInScalars.Int, r => r.Rating),
            },
        };
        var query = new ObjectType("Query") { Fields = { new FieldDefinition("cases", new NonNullType(new ListType(new NonNullType(row)))) { Resolve = _ => ValueTask.FromResult<object?>(rows) } } };
        return (new Schema(query), rows);
    }

    static void WriteDirect(Row[] rows)
    {
        using var buffer = new ArrayPoolBufferWriter<byte>();
        using var w = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions);
        w.WriteStartObject(); w.WritePropertyName("data"); w.WriteStartObject(); w.WritePropertyName("cases"); w.WriteStartArray();
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("trackingCode", r.TrackingCode); w.WriteString("category", r.Category); w.WriteString("ward", r.Ward);
            w.WriteString("status", r.Status); w.WriteString("agency", r.Agency); w.WriteString("receivedAt", r.ReceivedAt);
            w.WriteString("resolvedAt", r.ResolvedAt);
            if (r.OnTime is { } t) w.WriteBoolean("onTime", t); else w.WriteNull("onTime");
            if (r.Rating is { } n) w.WriteNumber("rating", n); else w.WriteNull("rating");
            w.WriteEndObject();
        }
        w.WriteEndArray(); w.WriteEndObject(); w.WriteEndObject();
    }
}
