using System.CommandLine;
using Cases.Database;
using Cases.Projections;
using Cases.Projections.Daemon;
using Cases.Sla;
using Spectre.Console;

namespace Cases.GraphQL.Host;

/// <summary><c>projections status</c> and <c>projections rebuild NAME</c> (DESIGN 8): lag, state and safe rebuilds.</summary>
public static class ProjectionCommands
{
    public static Command Build()
    {
        var projections = new Command("projections", "Read-model status and rebuilds.");

        var status = new Command("status", "Each projection's checkpoint, lag and state.");
        status.SetAction((_, ct) => Run(async (monitor, _) =>
        {
            foreach (var s in await monitor.StatusAsync(ct))
                Console.WriteLine($"{s.Name,-14} {(s.Running ? "running" : "stopped"),-8} at {s.Position,-10} of {s.HighWaterMark,-10} lag {s.LagEvents} events / {s.LagSeconds:F1} s" +
                    (s.DeadLetters > 0 ? $"  {s.DeadLetters} events dead-lettered (a rebuild restores them once the read model is fixed)" : ""));
            return 0;
        }));

        var name = new Argument<string>("name") { Description = "public_cases, sla or agency_queues" };
        var rebuild = new Command("rebuild", "Rebuild a projection into shadow tables and swap it in; queries see the old view until then. Resumable.") { name };
        rebuild.SetAction((p, ct) => Run(async (_, daemon) =>
        {
            var target = p.GetValue(name)!;
            if (!Console.IsOutputRedirected)
            {
                await AnsiConsole.Progress().StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"rebuild {target}");
                    await daemon.RunAsync(target, new Inline(r => { task.MaxValue = Math.Max(1, r.Total); task.Value = r.Applied; }), ct);
                });
            }
            else
            {
                var last = DateTime.MinValue;
                await daemon.RunAsync(target, new Inline(r =>
                {
                    if (r.Swapped || DateTime.UtcNow - last > TimeSpan.FromSeconds(2))
                    {
                        Console.WriteLine($"rebuild {target}: {r.Applied}/{r.Total} events{(r.Swapped ? ", swapped in" : "")}");
                        last = DateTime.UtcNow;
                    }
                }), ct);
            }
            Console.WriteLine($"rebuild {target}: done");
            return 0;
        }));

        projections.Subcommands.Add(status);
        projections.Subcommands.Add(rebuild);
        return projections;
    }

    static Task<int> Run(Func<ProjectionMonitor, ProjectionRebuild, Task<int>> run) => CliDatabase.RunAsync("projections", async db =>
    {
        await CasesSchema.MigrateAsync(db, CasesApp.Migrations);
        // The calendar the nodes count with: the province's week, the shipped years and every imported version.
        var rules = new SlaRulesSource(Cases.Places.ProvinceIdentity.From(CasesApp.Configuration([])).Rules());
        await rules.RefreshAsync(db);
        var models = ProjectionCatalog.All(rules.Calendar);
        await using var store = EventStore.CasesStore.For(db);
        try { return await run(new ProjectionMonitor(store, db, models), new ProjectionRebuild(store, db, models)); }
        catch (ProjectionPoisonedException e)
        {
            Console.Error.WriteLine($"projections: {e.Message}");
            return 1;
        }
    });

    /// <summary>Reports on the rebuild's own thread: Progress&lt;T&gt; would post to the thread pool and lose order.</summary>
    sealed class Inline(Action<RebuildProgress> report) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => report(value);
    }
}
