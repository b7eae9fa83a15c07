using System.Threading.Channels;

namespace Cases.Projections.Live;

/// <summary>The changes one subscriber hears, until it is disposed (or its enumeration ends), which unsubscribes it.</summary>
public sealed class Subscription(ChannelReader<Change> changes, Action unsubscribe) : IAsyncEnumerable<Change>, IDisposable
{
    int _disposed;

    public async IAsyncEnumerator<Change> GetAsyncEnumerator(CancellationToken ct = default)
    {
        try
        {
            await foreach (var change in changes.ReadAllAsync(ct)) yield return change;
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) unsubscribe();
    }
}
