using Cases.Database;
using Cases.GraphQL.Host;
using Cases.GraphQL.Seeding;
using Cases.Projections;
using Cases.Projections.Daemon;
using Cases.Sla;
using Cases.Testing;

namespace Cases.Benchmarks;

/// <summary>A private database holding demo cases made by the real workflow, with projections caught up.</summary>
public sealed class SeededDatabase : TestDatabase
{
    protected override IReadOnlyList<MigrationSet> Migrations => CasesApp.Migrations;

    public static async Task<SeededDatabase> CreateAsync(int cases)
    {
        var db = new SeededDatabase();
        await db.InitializeAsync();
        var clock = new SeedClock(SeedOptions.DefaultReferenceNow);
        var handler = DemoData.CreateHandler(db.DataSource, clock, Serilog.Core.Logger.None);
        await DemoData.SeedAsync(db.DataSource, handler, clock, new SeedOptions { Cases = cases, Seed = 42 });
        await db.CatchUpAsync();
        return db;
    }

    public ProjectionDaemon Daemon() =>
        new(DataSource, ProjectionCatalog.All(WorkingCalendar.LoadEmbedded(UncoveredYears.AssumeNoHolidays)), Serilog.Core.Logger.None);

    /// <summary>Runs the daemon until every projection has no lag.</summary>
    public async Task CatchUpAsync()
    {
        using var stop = new CancellationTokenSource();
        var daemon = Daemon();
        var running = daemon.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while ((await daemon.StatusAsync()).Any(s => s.LagEvents > 0) && DateTime.UtcNow < deadline) await Task.Delay(100);
        stop.Cancel();
        try { await running; } catch (OperationCanceledException) { }
    }
}
