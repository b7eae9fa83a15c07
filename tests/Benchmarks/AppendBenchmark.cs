using NodaTime.Testing;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Cases.Domain;
using Cases.Handlers;
using Cases.Sla;
using Cases.Testing;

namespace Cases.Benchmarks;

/// <summary>
/// Single-event commands per second through the real workflow (sent through Wolverine to the handler, which
/// loads the stream with Marten's <c>FetchForWriting</c>, decides, appends with an idempotency key, all in one
/// transaction) at 1, 4 and 16 concurrent writers, with the embedded SLA rules, beside pgbench -N (its
/// simple-update transaction: an update, a select and an insert) on the same cluster with the same client
/// counts, in the same run.
/// </summary>
public static class AppendBenchmark
{
    static readonly int[] Writers = [1, 4, 16];
    static readonly TimeSpan Duration = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_SECONDS") ?? "10"));

    public static async Task RunAsync(BenchReport report)
    {
        var db = new EventStoreDatabase();
        await db.InitializeAsync();
        try
        {
            // The write side as the host wires it (Marten, Wolverine's handlers and outbox) with the embedded SLA rules.
            // No deadline messages: the cases live on a fixed clock months before the real one, so every deadline
            // would fire at once, through the same streams, while the writers append. noteProgress schedules none.
            await using var host = await WriteSideHost.StartAsync(db.DataSource, new FakeClock(TestTime.MondayMorning),
                SlaRules.LoadEmbedded(), scheduleDeadlines: false);
            var rows = new List<string[]>();
            foreach (var writers in Writers)
            {
                var ours = await Workflow(host.Commands, writers);
                var bare = await MartenFloor(host, writers);
                var pgbench = PgBench(db.Name, writers);
                rows.Add([writers.ToString(), $"{ours:F0}", $"{bare:F0}", $"{pgbench:F0}", $"{ours / pgbench:F2}", $"{ours / bare:F2}"]);
            }
            report.Table("append: single-event commands/s vs pgbench -N and Marten's bare append",
                ["writers", "commands/s", "bare Marten appends/s", "pgbench -N tps", "ratio to pgbench", "ratio to bare Marten"], rows,
                $"Each figure is a {Duration.TotalSeconds:F0} s run on the same cluster; a command is noteProgress on an in-progress case " +
                "through Wolverine's InvokeAsync (read the stream with FetchForWriting, decide, append one event with its hash " +
                "chain headers and an idempotency document, in one transaction), with the embedded SLA rules and no deadline messages.");
        }
        finally
        {
            await db.DisposeAsync();
        }
    }

    static async Task<double> Workflow(CaseCommands handler, int writers)
    {
        var agency = new Actor("bench", Role.Agency, "agency-a");
        // Each writer works its own cases so the figure measures appends, not conflicts.
        var cases = new List<Guid>[writers];
        for (var w = 0; w < writers; w++)
        {
            cases[w] = [];
            for (var i = 0; i < 50; i++) cases[w].Add(await InProgressCase(handler));
        }
        var done = 0L;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var n = 0;
            while (stopwatch.Elapsed < Duration)
            {
                var id = cases[w][n++ % cases[w].Count];
                var outcome = await handler.HandleAsync(id, new CaseCommand.NoteProgress($"bước {n}"),
                    new CommandEnvelope(agency, "bench", IdempotencyKey: $"bench-{w}-{writers}-{n}"));
                if (outcome is not CommandOutcome.Done) throw new InvalidOperationException(outcome.ToString());
                Interlocked.Increment(ref done);
            }
        })));
        return done / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Marten's own floor for the same append: FetchForWriting, one event, SaveChangesAsync, on the host's store, with
    /// no Wolverine, decider, hash chain or idempotency record.
    /// </summary>
    static async Task<double> MartenFloor(WriteSideHost host, int writers)
    {
        var cases = new List<Guid>[writers];
        for (var w = 0; w < writers; w++)
        {
            cases[w] = [];
            for (var i = 0; i < 50; i++) cases[w].Add(await InProgressCase(host.Commands));
        }
        var done = 0L;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var n = 0;
            while (stopwatch.Elapsed < Duration)
            {
                await using var session = host.Marten.LightweightSession();
                var stream = await session.Events.FetchForWriting<CaseStream>(cases[w][n++ % cases[w].Count]);
                stream.AppendOne(new CaseEvent.ProgressNoted(TestTime.MondayMorning, "agency-a", $"bước {n}"));
                await session.SaveChangesAsync();
                Interlocked.Increment(ref done);
            }
        })));
        return done / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>A new case, verified, assigned to agency-a and accepted: ready for noteProgress.</summary>
    internal static async Task<Guid> InProgressCase(CaseCommands handler)
    {
        var op = new CommandEnvelope(new Actor("op", Role.Operator), "seed");
        var id = Done(await handler.SubmitAsync(new CaseSubmission(
            CaseKind.FieldReport, Channel.App, "sanitation_environment", "Rác thải", null, "Thuận Hóa", [], null), op)).State.Id;
        Done(await handler.HandleAsync(id, new CaseCommand.VerifyCase(null), op));
        Done(await handler.HandleAsync(id, new CaseCommand.AssignCase("agency-a", []), op));
        Done(await handler.HandleAsync(id, new CaseCommand.AcceptAssignment(), op with { Actor = new Actor("a", Role.Agency, "agency-a") }));
        return id;
    }

    static CommandOutcome.Done Done(CommandOutcome outcome) =>
        outcome as CommandOutcome.Done ?? throw new InvalidOperationException($"bench: setting up a case: {outcome}");

    static double PgBench(string database, int clients)
    {
        var port = Environment.GetEnvironmentVariable("CASES_PG_PORT") ?? "55432";
        var pgbench = new[] { "/usr/lib/postgresql/15/bin/pgbench", "pgbench" }.First(p => p.Contains('/') ? File.Exists(p) : true);
        string Run(string args)
        {
            var psi = new ProcessStartInfo(pgbench, $"-h 127.0.0.1 -p {port} -U postgres {args} {database}")
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) throw new InvalidOperationException($"pgbench {args} failed: {output}");
            return output;
        }
        Run("-i -q -s 10");
        var result = Run($"-N -M prepared -c {clients} -j {Math.Min(clients, Environment.ProcessorCount)} -T {Duration.TotalSeconds:F0}");
        return double.Parse(Regex.Match(result, @"tps = ([0-9.]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
