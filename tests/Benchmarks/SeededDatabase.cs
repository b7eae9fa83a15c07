using System.Diagnostics;
using Cases.Database;
using Cases.EventStore;
using Cases.GraphQL.Host;
using Cases.GraphQL.Seeding;
using Cases.Projections;
using Cases.Projections.Daemon;
using Cases.Sla;
using Cases.Testing;
using JasperFx.Events.Daemon;
using Marten;
using NodaTime;

namespace Cases.Benchmarks;

/// <summary>A private database holding demo cases, made by the real workflow or in bulk.</summary>
public sealed class SeededDatabase : TestDatabase
{
    protected override IReadOnlyList<MigrationSet> Migrations => CasesApp.Migrations;

    public static readonly IReadOnlyList<IReadModel> Models =
        ProjectionCatalog.All(WorkingCalendar.LoadEmbedded(UncoveredYears.AssumeNoHolidays));

    public int Cases { get; private init; }
    public long Events { get; private set; }

    /// <summary>Events per second of the bulk seed, simulation included (0 for the workflow seed).</summary>
    public double ImportRate { get; private set; }

    /// <summary>How long the bulk seed took, simulation and COPY (before any projection catch-up).</summary>
    public TimeSpan ImportTime { get; private set; }

    /// <summary>Cases through the real command workflow (Wolverine's handlers on Marten, as the seeder runs them), projections caught up.</summary>
    public static async Task<SeededDatabase> CreateAsync(int cases)
    {
        var db = new SeededDatabase { Cases = cases };
        await db.InitializeAsync();
        var options = new SeedOptions { Cases = cases, Seed = 42 };
        var clock = new SeedClock(options.ReferenceNow - Duration.FromDays(366));
        await using (var seeder = await SeedHost.StartAsync(db.DataSource, clock, Serilog.Core.Logger.None))
            await DemoData.SeedAsync(db.DataSource, seeder.Commands, clock, options);
        db.Events = await db.ScalarAsync<long>("select count(*) from cases.mt_events");
        await db.WaitCaughtUpAsync();
        return db;
    }

    /// <summary>
    /// The same cases written by <c>seed --bulk</c>; projections caught up only when asked. With
    /// <paramref name="openShare"/>, that share of the cases stops at an open stage (<see cref="SeedOptions.OpenShare"/>).
    /// </summary>
    public static async Task<SeededDatabase> CreateBulkAsync(int cases, bool caughtUp, double openShare = 0)
    {
        var db = new SeededDatabase { Cases = cases };
        await db.InitializeAsync();
        var sw = Stopwatch.StartNew();
        // As `seed --bulk` does: the import ends in one COPY of every event, longer than the default command timeout.
        await using (var unbounded = global::Cases.Database.CasesDatabase.Create(db.ConnectionString + ";Command Timeout=0"))
            await DemoData.BulkSeedAsync(unbounded, new SeedOptions { Cases = cases, Seed = 42, OpenShare = openShare });
        db.Events = await db.ScalarAsync<long>("select count(*) from cases.mt_events");
        db.ImportRate = db.Events / sw.Elapsed.TotalSeconds;
        db.ImportTime = sw.Elapsed;
        if (caughtUp) await db.WaitCaughtUpAsync();
        return db;
    }

    /// <summary>
    /// A Marten store on this database with the read models registered as the host registers them, with Marten's
    /// daemon defaults (the caller disposes it).
    /// </summary>
    public DocumentStore Store() => DocumentStore.For(o =>
    {
        o.Connection(DataSource);
        CasesStore.Configure(o);
        ProjectionCatalog.Register(o, Models, DataSource);
    });

    public ProjectionMonitor Monitor(IDocumentStore store) => new(store, DataSource, Models);

    /// <summary>
    /// Marten's daemon, started bare (<c>BuildProjectionDaemonAsync</c>, every projection, no lock), as the tests
    /// run it. Unlike the host's HotCold coordinator it does not restart a shard whose batch failed: such a shard
    /// stays paused, and a wait for it to catch up times out.
    /// </summary>
    public static async Task<IProjectionDaemon> StartDaemonAsync(DocumentStore store)
    {
        var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        return daemon;
    }

    public static async Task StopDaemonAsync(IProjectionDaemon daemon)
    {
        await daemon.StopAllAsync();
        daemon.Dispose();
    }

    /// <summary>Runs a daemon until every projection has no lag.</summary>
    public async Task WaitCaughtUpAsync()
    {
        await using var store = Store();
        var daemon = await StartDaemonAsync(store);
        try
        {
            await WaitCaughtUpAsync(Monitor(store));
        }
        finally
        {
            await StopDaemonAsync(daemon);
        }
    }

    /// <summary>
    /// Waits until every projection of a running daemon has no lag. However long a catch-up takes (minutes from 0
    /// at 10^6 cases), it fails if a projection still behind has not moved for <see cref="Stalled"/>: a bare
    /// daemon leaves a shard whose batch failed paused. Polls each shard's position against the newest event, which
    /// costs nothing at any lag (<see cref="ProjectionMonitor"/> counts the events behind, itself a load on a
    /// catch-up from 0), then confirms with the monitor.
    /// </summary>
    public async Task WaitCaughtUpAsync(ProjectionMonitor monitor)
    {
        var shards = (await monitor.StatusAsync()).Select(s => s.Shard).ToArray();
        var moved = new Dictionary<string, (long Position, DateTime At)>();
        while (true)
        {
            var head = await ScalarAsync<long>($"select coalesce(max(seq_id), 0) from {CasesStore.Schema}.mt_events");
            var positions = shards.ToDictionary(s => s, _ => 0L);
            await using (var cmd = DataSource.CreateCommand($"select name, last_seq_id from {CasesStore.Schema}.mt_event_progression where name = any($1)"))
            {
                cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = shards });
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) positions[r.GetString(0)] = r.GetInt64(1);
            }
            if (positions.Values.All(p => p >= head) && (await monitor.StatusAsync()).All(s => s.LagEvents == 0)) return;
            foreach (var (shard, position) in positions)
            {
                if (!moved.TryGetValue(shard, out var last) || last.Position != position) moved[shard] = (position, DateTime.UtcNow);
                else if (position < head && DateTime.UtcNow - last.At > Stalled)
                    throw new TimeoutException($"Projection shard {shard} has not moved from {position} in {Stalled.TotalMinutes:F0} minutes, " +
                        $"with events up to {head} to apply (a bare daemon leaves a shard whose batch failed paused; see the log above).");
            }
            await Task.Delay(50);
        }
    }

    static readonly TimeSpan Stalled = TimeSpan.FromMinutes(5);
}
