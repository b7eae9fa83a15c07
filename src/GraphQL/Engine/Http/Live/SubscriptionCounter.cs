namespace Cases.GraphQL.Engine.Http.Live;

/// <summary>
/// The active subscriptions of a server, in total and per client, and the per-client bound. Every subscription a
/// transport starts takes a slot here and gives it back when it ends, however it ends (completed by either side,
/// failed, or its connection gone), so <see cref="Active"/> returning to zero shows that nothing leaked.
/// </summary>
public sealed class SubscriptionCounter
{
    private readonly Dictionary<string, int> _perClient = new();
    private int _active;

    /// <summary>Subscriptions running now, over every transport.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>Clients holding at least one subscription.</summary>
    public int Clients
    {
        get { lock (_perClient) return _perClient.Count; }
    }

    /// <summary>Takes a slot for <paramref name="client"/> unless it already holds <paramref name="max"/>.</summary>
    public bool TryAcquire(string client, int max)
    {
        lock (_perClient)
        {
            var held = _perClient.GetValueOrDefault(client);
            if (held >= max) return false;
            _perClient[client] = held + 1;
            Interlocked.Increment(ref _active);
            return true;
        }
    }

    public void Release(string client)
    {
        lock (_perClient)
        {
            if (!_perClient.TryGetValue(client, out var held)) return;
            if (held <= 1) _perClient.Remove(client);
            else _perClient[client] = held - 1;
            Interlocked.Decrement(ref _active);
        }
    }
}
