using Npgsql;
using Serilog;

namespace Cases.Projections.Daemon;

/// <summary>
/// The projection daemon (DESIGN 5): one loop per projection, each reading the commit-ordered log after its
/// checkpoint (DESIGN 3.1) and applying a batch and the checkpoint's advance in one transaction. Loops wake on
/// <c>LISTEN cases_events</c> and poll as a fallback. Across nodes exactly one loop runs a projection: the one
/// whose dedicated connection holds the projection's session advisory lock; the others stand by and try again
/// every poll interval, so when the owner's connection dies another node takes over.
/// <para>
/// Not a hosted service: the host wraps <see cref="RunAsync"/> (src/Projections does not depend on ASP.NET).
/// Operator actions (<see cref="StatusAsync"/>, <see cref="SkipAsync"/>, <see cref="RebuildAsync"/>) work from
/// any process, running or not, since all their state is in the database.
/// </para>
/// </summary>
public sealed partial class ProjectionDaemon
{
    readonly NpgsqlDataSource db;
    readonly IReadOnlyList<IProjection> projections;
    readonly DaemonOptions options;
    readonly ILogger log;
    readonly Dictionary<string, SemaphoreSlim> wake;

    public ProjectionDaemon(NpgsqlDataSource db, IReadOnlyList<IProjection> projections, ILogger log, DaemonOptions? options = null)
    {
        if (projections.Select(p => p.Name).Distinct().Count() != projections.Count)
            throw new ArgumentException("Projection names must be unique.", nameof(projections));
        this.db = db;
        this.projections = projections;
        this.options = options ?? new DaemonOptions();
        this.log = log.ForContext<ProjectionDaemon>();
        wake = projections.ToDictionary(p => p.Name, _ => new SemaphoreSlim(0, 1));
    }

    public IReadOnlyList<IProjection> Projections => projections;

    /// <summary>
    /// Runs every projection's loop and the listener until <paramref name="ct"/> is cancelled. A poison event
    /// stops only its projection; an unexpected failure of the daemon itself (a bug, the test hook) stops all
    /// loops and faults the returned task, for the host to log and restart.
    /// </summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        async Task Guard(Func<Task> loop)
        {
            try { await loop(); }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch
            {
                await stop.CancelAsync();
                throw;
            }
        }
        var loops = projections.Select(p => Task.Run(() => Guard(() => OwnLoopAsync(p, stop.Token)), CancellationToken.None))
            .Append(Task.Run(() => Guard(() => ListenAsync(stop.Token)), CancellationToken.None))
            .ToList();
        await Task.WhenAll(loops);
    }

    /// <summary>Tries to become the projection's runner; while it is, runs its batches; when the lock is lost, tries again.</summary>
    async Task OwnLoopAsync(IProjection p, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            NpgsqlConnection? owner = null;
            try
            {
                owner = await db.OpenConnectionAsync(ct);
                await using (var take = new NpgsqlCommand("select pg_try_advisory_lock($1)", owner).With(Param.Long(LockKeys.Runner(p.Name))))
                {
                    if (!(bool)(await take.ExecuteScalarAsync(ct))!)
                    {
                        await owner.DisposeAsync();
                        owner = null;
                        await Task.Delay(options.PollInterval, ct);
                        continue;
                    }
                }
                log.Information("Projection {Projection} runs on this node", p.Name);
                await RunOwnedAsync(p, owner, ct);
            }
            catch (Exception e) when (IsTransient(e) && !ct.IsCancellationRequested)
            {
                log.Warning(e, "Projection {Projection}: database unavailable, retrying", p.Name);
                await Task.Delay(options.RetryDelay, ct);
            }
            finally
            {
                if (owner is not null) await ReleaseAsync(owner, p);
            }
        }
    }

    /// <summary>
    /// The owner's loop. Each turn it asks, on the lock's own connection, whether the projection is poisoned:
    /// that one round trip is also the proof the lock is still held (a dead connection throws, and the loop
    /// goes back to competing for the lock).
    /// </summary>
    async Task RunOwnedAsync(IProjection p, NpgsqlConnection owner, CancellationToken ct)
    {
        await using (var conn = await db.OpenConnectionAsync(ct))
            await Checkpoints.EnsureAsync(conn, null, p.Name, ct);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            await using (var poisoned = new NpgsqlCommand("select exists (select 1 from projections.projection_errors where name = $1)", owner)
                .With(Param.Text(p.Name)))
            {
                if ((bool)(await poisoned.ExecuteScalarAsync(ct))!)
                {
                    await WaitAsync(p, ct);
                    continue;
                }
            }
            var applied = await ApplyNextAsync(p, ProjectionTables.Live, p.Name, options.BatchSize, ct);
            if (applied == BatchResult.Empty) await WaitAsync(p, ct);
        }
    }

    async Task WaitAsync(IProjection p, CancellationToken ct) => await wake[p.Name].WaitAsync(options.PollInterval, ct);

    void WakeAll()
    {
        foreach (var s in wake.Values)
        {
            try { s.Release(); }
            catch (SemaphoreFullException) { } // already signalled: one wake-up is enough
        }
    }

    /// <summary>Listens for appends (cases.append_events notifies on commit); reconnects after a failure.</summary>
    async Task ListenAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var conn = await db.OpenConnectionAsync(ct);
                conn.Notification += (_, _) => WakeAll();
                await using (var listen = new NpgsqlCommand("listen cases_events", conn)) await listen.ExecuteNonQueryAsync(ct);
                WakeAll(); // anything appended while we were not listening
                while (true) await conn.WaitAsync(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested && (IsTransient(e) || e is ObjectDisposedException))
            {
                log.Warning(e, "Projection listener lost its connection; polling until it is back");
                await Task.Delay(options.RetryDelay, ct);
            }
        }
    }

    async Task ReleaseAsync(NpgsqlConnection owner, IProjection p)
    {
        // The connection goes back to the pool, where a session lock would outlive us: release it explicitly.
        // If the connection is broken the server has already released it.
        try
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock($1)", owner).With(Param.Long(LockKeys.Runner(p.Name)));
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception e) when (IsTransient(e) || e is InvalidOperationException) { }
        await owner.DisposeAsync();
    }

    /// <summary>
    /// Errors that say nothing about the events: a lost connection, a timeout, a serialization failure or
    /// deadlock, a server shutting down. Anything else thrown while applying is a poison event.
    /// </summary>
    internal static bool IsTransient(Exception e) => e switch
    {
        PostgresException pe => pe.IsTransient || pe.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException => true,
        TimeoutException or System.IO.IOException => true,
        _ => false,
    };
}
