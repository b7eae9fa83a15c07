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
        status.SetAction((_, ct) => Run(async daemon =>
        {
            foreach (var s in await daemon.StatusAsync(ct))
                Console.WriteLine($"{s.Name,-14} {s.State.ToString().ToLowerInvariant(),-9} checkpoint {s.Checkpoint,-16} lag {s.LagEvents} events / {s.LagSeconds:F1} s" +
                    (s.LastError is { } e ? $"  error at {e.Position}: {e.Message}" : "") + (s.Rebuild is { } r ? $"  rebuild in progress at {r}" : ""));
            return 0;
        }));

        var name = new Argument<string>("name") { Description = "public_cases, sla or agency_queues" };
        var rebuild = new Command("rebuild", "Rebuild a projection into shadow tables and swap it in; queries see the old view until then. Resumable.") { name };
        rebuild.SetAction((p, ct) => Run(async daemon =>
        {
            var target = p.GetValue(name)!;
            var progress = (Action<RebuildProgress>)(r => { });
            if (!Console.IsOutputRedirected)
            {
                await AnsiConsole.Progress().StartAsync(async ctx =>
                {
                    var task = ctx.AddTask($"rebuild {target}");
                    await daemon.RebuildAsync(target, r => { task.MaxValue = Math.Max(1, r.Total); task.Value = r.Applied; }, ct);
                });
            }
            else
            {
                var last = DateTime.MinValue;
                await daemon.RebuildAsync(target, r =>
                {
                    if (r.Swapped || DateTime.UtcNow - last > TimeSpan.FromSeconds(2))
                    {
                        Console.WriteLine($"rebuild {target}: {r.Applied}/{r.Total} events{(r.Swapped ? ", swapped in" : "")}");
                        last = DateTime.UtcNow;
                    }
                }, ct);
            }
            Console.WriteLine($"rebuild {target}: done");
            return 0;
        }));

        projections.Subcommands.Add(status);
        projections.Subcommands.Add(rebuild);
        return projections;
    }

    static Task<int> Run(Func<ProjectionDaemon, Task<int>> run) => CliDatabase.RunAsync("projections", async db =>
    {
        await Migrator.ApplyAsync(db, CasesApp.Migrations);
        var daemon = new ProjectionDaemon(db, ProjectionCatalog.All(WorkingCalendar.LoadEmbedded(UncoveredYears.AssumeNoHolidays)), Serilog.Core.Logger.None);
        try { return await run(daemon); }
        catch (ProjectionPoisonedException e)
        {
            Console.Error.WriteLine($"projections: {e.Message}");
            return 1;
        }
    });
}
