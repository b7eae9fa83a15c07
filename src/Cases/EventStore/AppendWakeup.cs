using JasperFx.Events.Daemon;
using JasperFx.Events.Daemon.HighWater;
using JasperFx.Events.Projections;
using Marten;
using Marten.Services;
using Npgsql;

namespace Cases.EventStore;

/// <summary>
/// Wakes the projection daemon when events commit (DESIGN 15, issue 21), instead of leaving it to find them at its
/// next poll (250 ms busy, 1 s idle). Two halves in one object, both after commit and outside the appending
/// transaction, so no writer waits for them:
/// <list type="bullet">
/// <item>Marten calls <see cref="AfterCommitAsync"/> after every session that appended events: this node's daemon
/// is woken in-process at once, and a NOTIFY on <see cref="Channel"/> is requested for the other nodes. The NOTIFYs
/// are coalesced (one per <see cref="CoalesceWindow"/> at most, however many commits), each its own tiny transaction:
/// Marten's own option (<c>UseListenNotifyForEventAppends</c>) notifies inside the appending transaction, and
/// PostgreSQL's notify queue lock held through those commits serialised the writers.</item>
/// <item>Marten's high-water agent waits through <see cref="WaitAsync"/> (<c>DaemonSettings.Wakeup</c>) for a
/// local wake, a NOTIFY from any node on the listening connection, or its polling timeout, whichever is first.</item>
/// </list>
/// <para>
/// Paced by the shards (<see cref="Shards"/>): the agent looks again at once only while every running shard has
/// committed the mark before the current one (at most one range projecting and one queued behind it); otherwise the
/// wake waits until they have, so the next look takes in every commit since in one range. Woken at every commit
/// without this, the agent moved the mark a few events at a time and each shard queued one batch per move (a
/// transaction, its progress row and its NOTIFY each): under 8 writers, batches of about 7 events queued by the hundred
/// (the shard's bound counts events in flight, not batches) and the projection fell seconds behind, worse than polling
/// (docs/scaling.md, issue 21). Idle, the shards are
/// caught up and a wake passes at once.
/// </para>
/// A wake never carries data: it only makes the daemon look now. Losing one (the listening connection cut, a NOTIFY
/// that failed) costs nothing but the polling interval, which stays as the fallback; the no-skip rules of the
/// high-water detection (DESIGN 5) are untouched.
/// </summary>
public sealed class AppendWakeup(NpgsqlDataSource db, Serilog.ILogger log)
    : DocumentSessionListenerBase, IDaemonWakeup, IObserver<ShardState>, IAsyncDisposable
{
    public const string Channel = "cases_events_appended";
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(2);

    readonly CancellationTokenSource lifetime = new();
    readonly object gate = new();
    TaskCompletionSource wake = NewWake();
    long pulses;      // wakes so far (local and remote)
    long seen;        // the count the daemon had seen when its last wait ended
    int notifyPending; // 1 from a commit's request until the loop takes it; the semaphore is released once per request
    readonly SemaphoreSlim notifyRequested = new(0);
    Task? notifier, listener;
    int notifierPid; // the backend our NOTIFYs come from: their echo on our own listener is no news
    TaskCompletionSource progress = NewWake(); // completed when a shard of the followed daemon commits a range
    ShardStateTracker? followed;
    long latestMark, previousMark; // the last two high-water marks the followed daemon published
    IDisposable? following;

    /// <summary>How many NOTIFYs this node has sent, and how many wakes it has had (for tests and benchmarks).</summary>
    public long NotifiesSent { get; private set; }
    public long Wakes => Interlocked.Read(ref pulses);

    /// <summary>True while the listening connection is up (the cross-node half works).</summary>
    public bool Listening { get; private set; }

    /// <summary>When false, no NOTIFY is sent and none is listened for: in-process wakes only (tests of the fallback).</summary>
    public bool CrossNode { get; init; } = true;

    /// <summary>
    /// The daemon whose shards pace the wakes (its tracker; null while it is not running here). Unset, every wake
    /// passes at once.
    /// </summary>
    public Func<ShardStateTracker?>? Shards { get; init; }

    /// <summary>Hears this store's commits and wakes its daemon.</summary>
    public void AttachTo(StoreOptions options)
    {
        options.Listeners.Add(this);
        options.Projections.Wakeup = this;
    }

    static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.GetEvents().Any()) Appended();
        return Task.CompletedTask;
    }

    /// <summary>Events were committed on this node: wake the daemon here and ask for a NOTIFY to the others.</summary>
    public void Appended()
    {
        Wake();
        if (!CrossNode || lifetime.IsCancellationRequested) return;
        if (Interlocked.Exchange(ref notifyPending, 1) == 0) notifyRequested.Release();
        if (notifier is null)
            lock (gate) notifier ??= Task.Run(() => NotifyLoop(lifetime.Token));
    }

    void Wake()
    {
        Interlocked.Increment(ref pulses);
        TaskCompletionSource woken;
        lock (gate) { woken = wake; wake = NewWake(); }
        woken.TrySetResult();
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken token)
    {
        if (CrossNode && listener is null && !lifetime.IsCancellationRequested)
            lock (gate) listener ??= Task.Run(() => ListenLoop(lifetime.Token));
        var tracker = Follow();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task next;
            lock (gate)
            {
                // A wake that came while the daemon was busy (after its last look at the store) counts now: waiting for
                // the next one would leave those events to the timeout.
                var pending = Interlocked.Read(ref pulses) != seen;
                if (pending && CaughtUp(tracker)) { seen = pulses; return; }
                // Woken but the shards are still projecting the last mark: look again once they have committed it.
                next = pending ? progress.Task : wake.Task;
            }
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero) break;
            try
            {
                await next.WaitAsync(remaining, token).ConfigureAwait(false);
            }
            catch (TimeoutException) { break; }
        }
        lock (gate) seen = Interlocked.Read(ref pulses);
    }

    /// <summary>Subscribes to the daemon's shard states (again if it was replaced); null when none is running here.</summary>
    ShardStateTracker? Follow()
    {
        var tracker = Shards?.Invoke();
        if (ReferenceEquals(tracker, followed)) return tracker;
        lock (gate)
        {
            following?.Dispose();
            latestMark = previousMark = 0;
            following = tracker?.Subscribe(this);
            followed = tracker;
        }
        return tracker;
    }

    /// <summary>
    /// Every running shard has committed the high-water mark before the current one, so a range for a new mark would
    /// queue behind at most the one each shard is projecting. A shard stopped, paused, faulted or
    /// rebuilding is not waited for (its peers would fall back to polling); a slow one holds the wakes at most for the
    /// agent's polling interval, after which it looks anyway.
    /// </summary>
    bool CaughtUp(ShardStateTracker? tracker)
    {
        if (tracker is null) return true;
        var mark = Math.Min(tracker.HighWaterMark, Interlocked.Read(ref previousMark));
        foreach (var state in tracker.CurrentStates())
        {
            if (state.ShardName is ShardState.HighWaterMark or ShardState.AllProjections) continue;
            if (state.Action is ShardAction.Stopped or ShardAction.Paused or ShardAction.Faulted || state.Mode != ShardMode.continuous) continue;
            if (state.Sequence < mark) return false;
        }
        return true;
    }

    void IObserver<ShardState>.OnNext(ShardState value)
    {
        if (value.ShardName == ShardState.HighWaterMark)
        {
            lock (gate) if (value.Sequence > latestMark) { previousMark = latestMark; latestMark = value.Sequence; }
            return;
        }
        TaskCompletionSource moved;
        lock (gate) { moved = progress; progress = NewWake(); }
        moved.TrySetResult();
    }

    void IObserver<ShardState>.OnCompleted() { }
    void IObserver<ShardState>.OnError(Exception error) { }

    async Task NotifyLoop(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(ct).ConfigureAwait(false);
                Volatile.Write(ref notifierPid, connection.ProcessID);
                await using var notify = new NpgsqlCommand($"notify {Channel}", connection);
                while (!ct.IsCancellationRequested)
                {
                    await notifyRequested.WaitAsync(ct).ConfigureAwait(false);
                    Interlocked.Exchange(ref notifyPending, 0);
                    await notify.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    NotifiesSent++;
                    // The coalescing window: every commit within it shares the next NOTIFY.
                    await Task.Delay(CoalesceWindow, ct).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.IO.IOException or InvalidOperationException)
            {
                // Other nodes poll meanwhile; this one was woken in-process already. The request is kept for the retry.
                if (Interlocked.Exchange(ref notifyPending, 1) == 0) notifyRequested.Release();
                log.Warning(e, "Could not send the events-appended NOTIFY; other nodes find the events by polling until it works again");
                try { await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false); } catch (OperationCanceledException) { return; }
            }
        }
    }

    async Task ListenLoop(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(ct).ConfigureAwait(false);
                connection.Notification += (_, e) =>
                {
                    // This node's own NOTIFY: its daemon was woken in-process at the commit already.
                    if (e.PID != Volatile.Read(ref notifierPid)) Wake();
                };
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                Listening = true;
                Wake(); // whatever was appended while not listening: look now
                while (!ct.IsCancellationRequested) await connection.WaitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.IO.IOException or InvalidOperationException)
            {
                Listening = false;
                log.Warning(e, "The events-appended listener lost its connection; the daemon polls until it is back (retrying in 1 s)");
                try { await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false); } catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>
    /// Nothing: a daemon that stops on this node (HotCold hands its shards to another) may dispose its wake-up, but
    /// this node still appends and must still tell the others. The container ends the loops (<see cref="DisposeAsync"/>).
    /// </summary>
    public void Dispose() { }

    public async ValueTask DisposeAsync()
    {
        lock (gate) following?.Dispose();
        await lifetime.CancelAsync();
        foreach (var t in new[] { notifier, listener })
            if (t is not null) await t.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }
}
