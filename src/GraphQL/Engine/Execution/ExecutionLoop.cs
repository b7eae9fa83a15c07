namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// A single-threaded event loop for one execution, like JavaScript's: every continuation of the execution runs here,
/// one at a time and in posting order. This gives graphql-js's error order for synchronous resolvers and lets
/// DataLoader batches dispatch when nothing else can run (the loop is idle), so loads queued by all siblings and
/// cousins of a level land in one batch. Resolvers still run concurrently with their own I/O.
/// </summary>
internal sealed class ExecutionLoop : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private readonly Queue<Action> _idle = new();
    private readonly SemaphoreSlim _signal = new(0);

    private bool _finished;

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_queue)
        {
            if (!_finished)
            {
                _queue.Enqueue((d, state));
                _signal.Release();
                return;
            }
        }
        // The response is complete: work abandoned by null propagation finishes on the thread pool.
        ThreadPool.QueueUserWorkItem(s => d(s), state, preferLocal: false);
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Synchronous Send is not supported.");

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs <paramref name="action"/> once no posted work is left (DataLoader dispatch).</summary>
    public void PostWhenIdle(Action action)
    {
        lock (_queue)
        {
            if (!_finished)
            {
                _idle.Enqueue(action);
                _signal.Release();
                return;
            }
        }
        ThreadPool.QueueUserWorkItem<object?>(_ => action(), null, preferLocal: false);
    }

    public async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var task = RunOnLoop(work);
        _ = task.ContinueWith(_ => _signal.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        while (true)
        {
            while (TryDequeue(out var item)) RunOnLoop(() => { item.Callback(item.State); return 0; });
            if (task.IsCompleted) break;
            Action? idle = null;
            lock (_queue)
                if (_queue.Count == 0 && _idle.Count > 0) idle = _idle.Dequeue();
            if (idle is not null)
            {
                RunOnLoop(() => { idle(); return 0; });
                continue;
            }
            await _signal.WaitAsync().ConfigureAwait(false);
        }
        lock (_queue)
        {
            _finished = true;
            while (_queue.TryDequeue(out var left)) ThreadPool.QueueUserWorkItem(s => left.Callback(s), left.State, preferLocal: false);
            while (_idle.TryDequeue(out var idleLeft)) ThreadPool.QueueUserWorkItem<object?>(_ => idleLeft(), null, preferLocal: false);
        }
        return await task.ConfigureAwait(false);
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_queue) return _queue.TryDequeue(out item);
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
