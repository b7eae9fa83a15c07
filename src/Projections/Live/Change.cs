namespace Cases.Projections.Live;

/// <summary>
/// One committed change of one key of a projection (or, with <see cref="Resync"/>, "you may have missed some":
/// read again). The same instance goes to every subscriber of that key on this node, so <see cref="ReadOnce{T}"/>
/// reads the view once for all of them, however many there are.
/// </summary>
public sealed class Change(string projection, string key, bool resync)
{
    readonly object _gate = new();
    object? _read;

    public string Projection { get; } = projection;

    /// <summary>The key subscribed to (<see cref="ProjectionChanges.AnyKey"/> for a subscriber of every key).</summary>
    public string Key { get; } = key;

    public bool Resync { get; } = resync;

    /// <summary>For a subscriber of every key: the keys that changed (empty on a resync).</summary>
    public IReadOnlyList<string> Keys { get; init; } = [];

    /// <summary>
    /// <paramref name="read"/>'s result, computed by the first subscriber that asks and shared with the others.
    /// It runs on no subscriber's cancellation token (one leaving must not fail the read for the rest), bounded by a timeout.
    /// </summary>
    public Task<T> ReadOnce<T>(Func<CancellationToken, Task<T>> read)
    {
        lock (_gate)
        {
            if (_read is Task<T> done) return done;
            var task = ReadBounded(read);
            _read = task;
            return task;
        }
    }

    static async Task<T> ReadBounded<T>(Func<CancellationToken, Task<T>> read)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await read(timeout.Token);
    }
}
