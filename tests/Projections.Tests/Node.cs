using Cases.EventStore;
using Cases.Projections.Daemon;
using Cases.Sla;
using Cases.Testing;
using JasperFx;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cases.Projections.Tests;

/// <summary>
/// One node of the app as the read side sees it, for one test: a Marten store on the test's database with the
/// read models registered (<see cref="ProjectionCatalog"/>), the tests' writer, status and rebuild, and the
/// daemon when the test starts one, alone (<see cref="StartDaemonAsync"/>) or HotCold
/// (<see cref="StartHotColdAsync"/>, for several nodes on one database).
/// </summary>
sealed class Node : IAsyncDisposable
{
    public static readonly WorkingCalendar Calendar = WorkingCalendar.LoadEmbedded(UncoveredYears.AssumeNoHolidays);

    Node(DocumentStore store, AppendWakeup wake, TestDatabase db, IReadOnlyList<IReadModel> models, int rebuildBatchSize)
    {
        Store = store;
        Wake = wake;
        Models = models;
        Streams = new CaseStreams(store);
        Monitor = new ProjectionMonitor(store, db.DataSource, models);
        Rebuild = new ProjectionRebuild(store, db.DataSource, models) { BatchSize = rebuildBatchSize };
    }

    /// <param name="models">The read models; the catalog's by default.</param>
    /// <param name="batchSize">Events per live batch; Marten's default otherwise.</param>
    public static Node For(TestDatabase db, IReadOnlyList<IReadModel>? models = null, int? batchSize = null, int rebuildBatchSize = 5000)
    {
        models ??= ProjectionCatalog.All(Calendar);
        // As the host wires it: the daemon woken by commits here and on other nodes, polling as the fallback.
        Node? node = null;
        var wake = new AppendWakeup(db.DataSource, Serilog.Core.Logger.None) { Shards = () => node?.Tracker() };
        var store = DocumentStore.For(o =>
        {
            o.Connection(db.DataSource);
            CasesStore.Configure(o);
            wake.AttachTo(o);
            ProjectionCatalog.Register(o, models, db.DataSource, batchSize is { } n ? a => a.BatchSize = n : null);
            // Quick hand-overs between nodes (the defaults are for production: 5 s).
            o.Projections.LeadershipPollingTime = 100;
            o.Projections.HealthCheckPollingTime = TimeSpan.FromMilliseconds(500);
        });
        node = new Node(store, wake, db, models, rebuildBatchSize);
        return node;
    }

    /// <summary>The shard states of this node's daemon, whichever way it was started (null when none runs).</summary>
    ShardStateTracker? Tracker() => (coordinator?.DaemonForMainDatabase() ?? Daemon)?.Tracker;

    /// <summary>What wakes this node's daemon (and tells the other nodes of this node's commits).</summary>
    public AppendWakeup Wake { get; }

    public DocumentStore Store { get; }
    public IReadOnlyList<IReadModel> Models { get; }
    public CaseStreams Streams { get; }
    public ProjectionMonitor Monitor { get; }
    public ProjectionRebuild Rebuild { get; }
    public IProjectionDaemon? Daemon { get; private set; }
    ProjectionCoordinator? coordinator;

    /// <summary>A daemon of this node's own, running every projection, taking no lock (Marten's Solo use).</summary>
    public async Task<IProjectionDaemon> StartDaemonAsync()
    {
        Daemon = await Store.BuildProjectionDaemonAsync();
        await Daemon.StartAllAsync();
        return Daemon;
    }

    /// <summary>Marten's HotCold coordinator, as the host runs it: per shard, the node that holds its lock runs it.</summary>
    public async Task StartHotColdAsync()
    {
        Store.Options.Projections.AsyncMode = DaemonMode.HotCold;
        coordinator = new ProjectionCoordinator(Store, NullLogger<ProjectionCoordinator>.Instance);
        await coordinator.StartAsync(CancellationToken.None);
    }

    /// <summary>The shards this node's daemon is running now.</summary>
    public IReadOnlyList<string> RunningShards()
    {
        var daemon = coordinator?.DaemonForMainDatabase() ?? Daemon;
        return daemon?.CurrentAgents().Where(a => a.Status == AgentStatus.Running).Select(a => a.Name.Identity).ToList() ?? [];
    }

    /// <summary>Waits until every projection has applied every committed event.</summary>
    public Task CaughtUpAsync(TimeSpan? timeout = null) =>
        Wait.UntilAsync(async () => (await Monitor.StatusAsync()).All(s => s.LagEvents == 0), "projections caught up", timeout);

    /// <summary>Stops this node's daemon as a host does on shutdown (in-flight batches finish, locks are released).</summary>
    public async Task StopAsync()
    {
        if (coordinator is not null)
        {
            await coordinator.StopAsync(CancellationToken.None);
            await coordinator.DisposeAsync();
            coordinator = null;
        }
        if (Daemon is not null)
        {
            await Daemon.StopAllAsync();
            Daemon.Dispose();
            Daemon = null;
        }
    }

    /// <summary>Drops the daemon without letting it finish anything, as a process that dies would.</summary>
    public void Crash()
    {
        Daemon?.Dispose();
        Daemon = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Store.Dispose();
        await Wake.DisposeAsync();
    }
}
