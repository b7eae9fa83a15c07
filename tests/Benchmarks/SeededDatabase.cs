using System.Diagnostics;
using Cases.Database;
using Cases.GraphQL.Host;
using Cases.GraphQL.Seeding;
using Cases.Projections;
using Cases.Projections.Daemon;
using Cases.Sla;
using Cases.Testing;

namespace Cases.Benchmarks;

/// <summary>A private database holding demo cases, made by the real workflow or in bulk.</summary>
public sealed class SeededDatabase : TestDatabase
{
    protected override IReadOnlyList<MigrationSet> Migrations => CasesApp.Migrations;

    public int Cases { get; private init; }
    public long Events { get; private set; }

    /// <summary>Events per second of the bulk seed, simulation included (0 for the workflow seed).</summary>
    public double ImportRate { get; private set; }

    /// <summary>Cases through the real command workflow (about 70 a second here), projections caught up.</summary>
    public static async Task<SeededDatabase> CreateAsync(int cases)
    {
        var db = new SeededDatabase { Cases = cases };
        await db.InitializeAsync();
        var clock = new SeedClock(SeedOptions.DefaultReferenceNow);
        var handler = DemoData.CreateHandler(db.DataSource, clock, Serilog.Core.Logger.None);
        await DemoData.SeedAsync(db.DataSource, handler, clock, new SeedOptions { Cases = cases, Seed = 42 });
        db.Events = await db.ScalarAsync<long>("select count(*) from cases.events");
        await db.WaitCaughtUpAsync();
        return db;
    }

    /// <summary>The same cases written by <c>seed --bulk</c>; projections caught up only when asked.</summary>
    public static async Task<SeededDatabase> CreateBulkAsync(int cases, bool caughtUp)
    {
        var db = new SeededDatabase { Cases = cases };
        await db.InitializeAsync();
        var sw = Stopwatch.StartNew();
        await DemoData.BulkSeedAsync(db.DataSource, new SeedOptions { Cases = cases, Seed = 42 });
        db.Events = await db.ScalarAsync<long>("select count(*) from cases.events");
        db.ImportRate = db.Events / sw.Elapsed.TotalSeconds;
        if (caughtUp) await db.WaitCaughtUpAsync();
        return db;
    }

    public ProjectionDaemon Daemon() =>
        new(DataSource, ProjectionCatalog.All(WorkingCalendar.LoadEmbedded(UncoveredYears.AssumeNoHolidays)), Serilog.Core.Logger.None);

    /// <summary>Runs a daemon until every projection has no lag.</summary>
    public async Task WaitCaughtUpAsync()
    {
        using var stop = new CancellationTokenSource();
        var daemon = Daemon();
        var running = daemon.RunAsync(stop.Token);
        await WaitCaughtUpAsync(daemon);
        stop.Cancel();
        try { await running; } catch (OperationCanceledException) { }
    }

    /// <summary>Waits until every projection of a running <paramref name="daemon"/> has no lag.</summary>
    public async Task WaitCaughtUpAsync(ProjectionDaemon daemon)
    {
        var deadline = DateTime.UtcNow.AddMinutes(30);
        while ((await daemon.StatusAsync()).Any(s => s.LagEvents > 0))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The projections did not catch up in 30 minutes.");
            await Task.Delay(50);
        }
    }
}
