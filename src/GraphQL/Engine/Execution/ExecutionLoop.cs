namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// A single-threaded event loop for one execution, like JavaScript's: every continuation of the execution runs here,
/// one at a time and in posting order. This gives graphql-js's error order for synchronous resolvers and lets
/// DataLoader batches dispatch when nothing else can run (the loop is idle), so loads queued by all siblings and
/// cousins of a level land in one batch. Resolvers still run concurrently with their own I/O.
/// </summary>
/// <remarks>
/// The loop has no thread of its own. Whichever thread posts to an idle loop drains it (the thread whose I/O just
/// completed runs the continuation, as it would without a synchronization context); posts made meanwhile are queued
/// for that thread. A loop thread waiting on a semaphore would cost a thread-pool hop and a wake-up for every
/// resolver's await.
/// </remarks>
internal sealed class ExecutionLoop : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly Queue<Action> _idle = new();
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task? _work;
    private bool _draining;
    private bool _finished;

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_queue)
        {
            if (!_finished)
            {
                _queue.Enqueue((d, state));
                if (_draining) return;
                _draining = true;
            }
            else
            {
                // The response is complete: work abandoned by null propagation finishes on the thread pool.
                ThreadPool.QueueUserWorkItem(s => d(s), state, preferLocal: false);
                return;
            }
        }
        Drain();
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Synchronous Send is not supported.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="action"/> once no posted work is left (DataLoader dispatch).</summary>
    public void PostWhenIdle(Action action)
    {
        lock (_queue)
        {
            if (_finished)
            {
                ThreadPool.QueueUserWorkItem<object?>(_ => action(), null, preferLocal: false);
                return;
            }
            _idle.Enqueue(action);
            if (_draining) return;
            _draining = true;
        }
        // Called by a resolver, usually on the loop (then queued above). From elsewhere the caller may hold locks
        // (DataLoader's), so the loop is drained on the thread pool rather than inside them.
        ThreadPool.QueueUserWorkItem<object?>(_ => Drain(), null, preferLocal: false);
    }

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        lock (_queue) _draining = true;
        var task = RunOnLoop(work);
        _work = task;
        // Should the execution ever complete off the loop, an empty post lets a drain see it and finish. Not for one
        // that is already complete (every value at hand), whose drain below finishes it.
        if (!task.IsCompleted)
            _ = task.ContinueWith(_ => Post(Wake, null), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        Drain();
        // Synchronous executions (every value at hand) are finished by now; others when the last continuation ran.
        await _done.Task.ConfigureAwait(false);
        return await task.ConfigureAwait(false);
    }

    /// <summary>Runs queued work on this thread until none is left, then lets the next post drain.</summary>
    private void Drain()
    {
        while (true)
        {
            (SendOrPostCallback Callback, object? State) item;
            Action? idle = null;
            lock (_queue)
            {
                if (_work is { IsCompleted: true })
                {
                    Finish();
                    return;
                }
                if (!_queue.TryDequeue(out item) && !_idle.TryDequeue(out idle))
                {
                    _draining = false;
                    return;
                }
            }
            if (idle is not null) RunOnLoop(() => { idle(); return 0; });
            else RunOnLoop(() => { item.Callback(item.State); return 0; });
        }
    }

    private static readonly SendOrPostCallback Wake = static _ => { };

    /// <summary>Under the lock: the response is complete; what is left (abandoned by null propagation) goes to the pool.</summary>
    private void Finish()
    {
        _finished = true;
        _draining = false;
        // The empty wake-up post has done its work: queued to the pool, it would wake a pool thread for nothing.
        while (_queue.TryDequeue(out var left))
            if (left.Callback != Wake) ThreadPool.QueueUserWorkItem(s => left.Callback(s), left.State, preferLocal: false);
        while (_idle.TryDequeue(out var idleLeft)) ThreadPool.QueueUserWorkItem<object?>(_ => idleLeft(), null, preferLocal: false);
        _done.TrySetResult();
    }

    private T RunOnLoop<T>(Func<T> action)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return action();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
