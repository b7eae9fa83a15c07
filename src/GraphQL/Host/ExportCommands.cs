using System.CommandLine;
using Cases.GraphQL.OpenData;
using Cases.Projections.ReadApi;
using NodaTime;
using Spectre.Console;

namespace Cases.GraphQL.Host;

/// <summary>
/// <c>export cases --format csv|geojson</c> and <c>export statistics</c>: the open-data files of /open-data/ from the
/// command line, to a file (<c>--out</c>) or standard output, with progress on a terminal and plain lines in CI.
/// </summary>
public static class ExportCommands
{
    public static Command Build()
    {
        var export = new Command("export", "Write the open data: public cases as CSV or GeoJSON, the statistics as CSV.");
        var format = new Option<string>("--format") { Description = "csv | geojson", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--out") { Description = "A file to write; standard output without it." };
        var from = new Option<string?>("--from") { Description = "Cases: received from this date (2026-03-02) or month; statistics: from this month (2026-01)." };
        var to = new Option<string?>("--to") { Description = "Cases: received up to this date or month, inclusive; statistics: up to this month." };
        var category = new Option<string?>("--category");
        var ward = new Option<string?>("--ward");
        var status = new Option<string?>("--status") { Description = "received | verified | in_progress | waiting_for_citizen | resolved | closed | rejected" };

        var cases = new Command("cases", "The public cases, as /open-data/cases.csv or cases.geojson serve them.") { format, output, from, to, category, ward, status };
        cases.SetAction((p, ct) => Run("export cases", async db =>
        {
            var kind = p.GetValue(format) switch { "csv" => CasesFormat.Csv, "geojson" => CasesFormat.GeoJson, var f => throw new ArgumentException($"--format is csv or geojson, not '{f}'.") };
            var filter = OpenDataFilter.Parse(name => name switch
            {
                "from" => p.GetValue(from), "to" => p.GetValue(to), "category" => p.GetValue(category), "ward" => p.GetValue(ward), "status" => p.GetValue(status), _ => null,
            });
            var exporter = new PublicCasesExport(db);
            var path = p.GetValue(output);
            await using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            long rows;
            if (path is not null && !Console.IsOutputRedirected)
            {
                var total = await exporter.CountAsync(filter, ct);
                rows = 0;
                await AnsiConsole.Progress().StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"export cases to {path}", maxValue: Math.Max(1, total));
                    rows = await exporter.WriteAsync(filter, kind, stream, new Inline(n => task.Value = n), ct);
                });
            }
            else
            {
                var last = DateTime.UtcNow;
                rows = await exporter.WriteAsync(filter, kind, stream, path is null ? null : new Inline(n =>
                {
                    if (DateTime.UtcNow - last < TimeSpan.FromSeconds(2)) return;
                    Console.WriteLine($"export cases: {n} rows");
                    last = DateTime.UtcNow;
                }), ct);
            }
            if (path is not null) Console.WriteLine($"export cases: {rows} cases to {path}");
            return 0;
        }));

        var statistics = new Command("statistics", "The statistics tables by agency, category, ward and month, as /open-data/statistics.csv serves them.") { output, from, to };
        statistics.SetAction((p, ct) => Run("export statistics", async db =>
        {
            var period = OpenDataEndpoints.Period(p.GetValue(from), p.GetValue(to), SystemClock.Instance.GetCurrentInstant());
            var path = p.GetValue(output);
            await using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            var rows = await new StatisticsExport(new StatisticsQueries(db)).WriteAsync(period, stream, ct);
            if (path is not null) Console.WriteLine($"export statistics: {rows} rows ({period.From:yyyy-MM} to {period.To:yyyy-MM}) to {path}");
            return 0;
        }));

        export.Subcommands.Add(cases);
        export.Subcommands.Add(statistics);
        return export;
    }

    static Task<int> Run(string verb, Func<Npgsql.NpgsqlDataSource, Task<int>> run) => CliDatabase.RunAsync(verb, async db =>
    {
        try { return await run(db); }
        catch (OpenDataError e)
        {
            Console.Error.WriteLine($"{verb}: {e.Message}");
            return 1;
        }
    });

    /// <summary>Reports on the writer's own thread, in order.</summary>
    sealed class Inline(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
