using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Cases.Database;
using Cases.GraphQL.Host;
using Npgsql;
using NodaTime;
using NodaTime.Text;
using Serilog;
using Spectre.Console;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// <c>seed --cases N --seed S [--if-empty] [--now T] [--bulk]</c> (DESIGN 8): migrates, then seeds demo data into the
/// configured database through the real command workflow (or, with <c>--bulk</c>, decided in memory and copied in), with a progress bar on a terminal and plain lines
/// otherwise, and prints a summary. Errors exit non-zero with one line.
/// </summary>
public static class SeedCommand
{
    static readonly DateTimeZone Hue = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
    static readonly OffsetDateTimePattern Iso = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    public static Command Build()
    {
        var cases = new Option<int>("--cases") { Description = "How many cases to create.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed and count give the same cases.", DefaultValueFactory = _ => 42 };
        var ifEmpty = new Option<bool>("--if-empty") { Description = "Do nothing if the store already holds cases (scripts/run uses it)." };
        var bulk = new Option<bool>("--bulk") { Description = "Decide the cases in memory and write them with COPY (10^5 to 10^6 cases); no idempotency keys, citizen secrets or deadline messages." };
        var now = new Option<string?>("--now") { Description = "The demo's now, ISO-8601 with offset (default 2026-11-20T09:00:00+07:00); cases span the year before it." };
        var openShare = new Option<double>("--open-share") { Description = "For load tests: the share of cases (0 to 1) that stop at an open stage (received, verified, assigned, in progress)." };
        cases.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--cases must be 0 or more."); });
        openShare.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 1) r.AddError("--open-share must be between 0 and 1."); });

        var command = new Command("seed", "Create a year of realistic demo cases (and the agencies) through the command workflow.") { cases, seed, ifEmpty, now, bulk, openShare };
        command.SetAction(async (p, ct) =>
        {
            var options = new SeedOptions { Cases = p.GetValue(cases), Seed = p.GetValue(seed), OpenShare = p.GetValue(openShare) };
            if (p.GetValue(now) is { } text)
            {
                var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
                if (!parsed.Success) { Console.Error.WriteLine($"seed: --now '{text}' is not an ISO-8601 instant with offset"); return 2; }
                options = options with { ReferenceNow = parsed.Value.ToInstant() };
            }
            return await RunAsync(options, p.GetValue(ifEmpty), p.GetValue(bulk), ct);
        });
        return command;
    }

    static async Task<int> RunAsync(SeedOptions options, bool ifEmpty, bool bulk, CancellationToken ct)
    {
        try
        {
            // A bulk import ends in one COPY of every event, which takes longer than any per-command timeout should.
            var config = CasesApp.Configuration([]);
            var connectionString = CasesApp.ConnectionString(config);
            await using var db = CasesDatabase.Create(bulk ? connectionString + ";Command Timeout=0" : connectionString);
            await CasesSchema.MigrateAsync(db, CasesApp.Migrations, ct);
            if (ifEmpty && await HoldsCasesAsync(db, ct))
            {
                Console.WriteLine("seed: the store already holds cases; nothing to do");
                return 0;
            }
            // The handler logs every command at Information; thousands of lines would bury the progress.
            using var log = new LoggerConfiguration().MinimumLevel.Warning().WriteTo.Console().CreateLogger();
            var clock = new SeedClock(options.ReferenceNow - Duration.FromDays(366));
            await using var seeder = await SeedHost.StartAsync(db, clock, log, ct);

            // Demo photos go into the media store the server is configured with (Media:Store), through the same
            // processing as an upload. The bulk path writes events without the handler that attaches media: none.
            var photos = new DemoPhotos(new Media.MediaCatalog(db, Media.MediaStore.From(config, db), new Media.MediaProcessor(new Media.MediaLimits()),
                SystemClock.Instance, log));

            var watch = Stopwatch.StartNew();
            Task<SeedSummary> Seed(IProgress<SeedProgress> progress) => bulk
                ? DemoData.BulkSeedAsync(db, options, progress, ct)
                : DemoData.SeedAsync(db, seeder.Commands, clock, options, progress, ct, photos, seeder.Rules);
            var summary = Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive
                ? await Seed(new PlainProgress(Math.Max(1, options.Cases / 4)))
                : await AnsiConsole.Progress().StartAsync(async ctx =>
                {
                    var bar = ctx.AddTask("seed: cases", maxValue: Math.Max(1, options.Cases));
                    return await Seed(new BarProgress(bar, bulk ? "events" : "commands"));
                });
            Print(summary, options, watch.Elapsed);
            return 0;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine(bulk ? "seed: cancelled; the bulk import wrote nothing" : "seed: cancelled; the cases sent so far stay (the agencies are reference data)");
            return 130;
        }
        catch (Exception e) when (e is NpgsqlException or MigrationException or InvalidOperationException or Media.MediaError
            or Cases.Places.ProvinceConfigurationException)
        {
            Console.Error.WriteLine($"seed: {e.Message}");
            return 1;
        }
    }

    static async Task<bool> HoldsCasesAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select exists (select 1 from cases.mt_streams)");
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    static void Print(SeedSummary s, SeedOptions options, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"seed: {s.Cases} cases (seed {options.Seed}) in {elapsed.TotalSeconds:F1} s; {s.Agencies} agencies"));
        foreach (var kind in new[] { "field_report", "dossier" })
        {
            var rows = s.ByKindAndStatus.Where(k => k.Key.StartsWith(kind + "/", StringComparison.Ordinal)).ToList();
            Console.WriteLine($"  {kind,-13} {rows.Sum(r => r.Value),5}: {string.Join(", ", rows.OrderByDescending(r => r.Value).Select(r => $"{r.Key[(kind.Length + 1)..]} {r.Value}"))}");
        }
        Console.WriteLine($"  categories: {string.Join(", ", s.ByCategory.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"))}");
        Console.WriteLine(string.Create(c, $"  field reports rejected or duplicate: {s.FieldReportsRejectedOrDuplicate} of {s.FieldReports} ({s.RejectedOrDuplicateShare:P1})"));
        Console.WriteLine(string.Create(c, $"  resolutions: {s.Resolutions}, late {s.LateResolutions} ({s.LateShare:P1})"));
        Console.WriteLine(string.Create(c, $"  ratings: {s.Ratings}, mean {s.MeanRating:F2}, satisfied {s.SatisfiedShare:P1}"));
        Console.WriteLine($"  open at {Iso.Format(options.ReferenceNow.InZone(Hue).ToOffsetDateTime())}: {s.Open}, overdue {s.Overdue}");
    }

    /// <summary>Progress as plain lines (CI, pipes): one every <paramref name="every"/> cases and at the end.</summary>
    sealed class PlainProgress(int every) : IProgress<SeedProgress>
    {
        int last; // the bulk path reports in chunks, not case by case

        public void Report(SeedProgress p)
        {
            if (p.CasesDone / every != last / every || p.CasesDone == p.CasesTotal) Console.WriteLine($"seed: {p.CasesDone}/{p.CasesTotal} cases");
            last = p.CasesDone;
        }
    }

    sealed class BarProgress(ProgressTask bar, string unit) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress p)
        {
            bar.Value = p.CasesDone;
            bar.Description = $"seed: {p.CasesDone}/{p.CasesTotal} cases, {p.Commands} {unit}";
        }
    }
}
