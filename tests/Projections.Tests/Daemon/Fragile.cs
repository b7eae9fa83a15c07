using System.Collections.Concurrent;
using Cases.Projections.Daemon;
using static Cases.Domain.CaseEvent;

namespace Cases.Projections.Tests.Daemon;

/// <summary>
/// <paramref name="inner"/> with a bug: it cannot apply the receipt of a case whose tracking code starts with
/// POISON. It records the events it got past (by <c>seq_id</c>).
/// </summary>
sealed class Fragile(IReadModel inner) : IReadModel
{
    public ConcurrentDictionary<long, Guid> Applied { get; } = new();

    public string Name => inner.Name;
    public IReadOnlyList<string> Tables => inner.Tables;

    public async Task ApplyAsync(ProjectionBatch batch, CancellationToken ct)
    {
        batch.Fold(e =>
        {
            if (e.Event is CaseReceived r && r.TrackingCode.StartsWith("POISON", StringComparison.Ordinal))
                throw new InvalidOperationException("cannot handle " + r.TrackingCode);
            Applied[e.Seq] = e.StreamId;
        });
        await inner.ApplyAsync(batch, ct);
    }
}
