namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// Per-request DataLoaders by name (obtain one with <see cref="GetOrAdd{TKey,TValue}"/> from
/// <see cref="ResolveContext.Loaders"/>). Loads are cached for the request and batched: a batch is dispatched when
/// the execution loop has no other runnable work, i.e. after every resolver of the current level queued its keys.
/// </summary>
public sealed class DataLoaderRegistry
{
    private readonly Dictionary<string, object> _loaders = new();
    private readonly ExecutionLoop? _loop;
    private readonly CancellationToken _cancellationToken;

    internal DataLoaderRegistry(ExecutionLoop? loop, CancellationToken cancellationToken)
    {
        _loop = loop;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The loader registered under <paramref name="name"/>, created with <paramref name="batch"/> on first use. The batch
    /// function receives distinct keys and returns the values it found; a key it leaves out loads as default.
    /// </summary>
    public DataLoader<TKey, TValue> GetOrAdd<TKey, TValue>(
        string name, Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch)
        where TKey : notnull
    {
        lock (_loaders)
        {
            if (_loaders.TryGetValue(name, out var existing)) return (DataLoader<TKey, TValue>)existing;
            var loader = new DataLoader<TKey, TValue>(batch, _loop, _cancellationToken);
            _loaders[name] = loader;
            return loader;
        }
    }
}

/// <summary>Batches and caches loads of <typeparamref name="TValue"/> by <typeparamref name="TKey"/> for one request.</summary>
public sealed class DataLoader<TKey, TValue> where TKey : notnull
{
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _batch;
    private readonly ExecutionLoop? _loop;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<TKey, Task<TValue?>> _cache = new();
    private List<(TKey Key, TaskCompletionSource<TValue?> Completion)> _pending = [];

    internal DataLoader(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> batch,
        ExecutionLoop? loop, CancellationToken cancellationToken)
    {
        _batch = batch;
        _loop = loop;
        _cancellationToken = cancellationToken;
    }

    /// <summary>How many batches were dispatched (for tests and diagnostics).</summary>
    public int BatchCount { get; private set; }

    public Task<TValue?> LoadAsync(TKey key)
    {
        lock (_cache)
        {
            if (_cache.TryGetValue(key, out var cached)) return cached;
            var completion = new TaskCompletionSource<TValue?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _cache[key] = completion.Task;
            _pending.Add((key, completion));
            if (_pending.Count == 1)
            {
                if (_loop is not null) _loop.PostWhenIdle(() => _ = DispatchAsync());
                else _ = Task.Run(DispatchAsync);
            }
            return completion.Task;
        }
    }

    public async Task<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys) =>
        await Task.WhenAll(keys.Select(LoadAsync).ToList());

    private async Task DispatchAsync()
    {
        List<(TKey Key, TaskCompletionSource<TValue?> Completion)> batch;
        lock (_cache)
        {
            batch = _pending;
            _pending = [];
        }
        if (batch.Count == 0) return;
        BatchCount++;
        try
        {
            var values = await _batch(batch.Select(p => p.Key).ToList(), _cancellationToken);
            foreach (var (key, completion) in batch)
                completion.TrySetResult(values.TryGetValue(key, out var v) ? v : default);
        }
        catch (Exception e)
        {
            foreach (var (_, completion) in batch) completion.TrySetException(e);
        }
    }
}
