using Cases.Projections.Daemon;

namespace Cases.Projections.Tests.Daemon;

/// <summary>
/// A read model that stops its <paramref name="at"/>-th batch after it has read its rows and folded its events,
/// at its first write, until the test lets it go. Otherwise it is <paramref name="inner"/>.
/// </summary>
sealed class Gated(IReadModel inner, int at) : IReadModel
{
    int calls;

    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => inner.Name;
    public IReadOnlyList<string> Tables => inner.Tables;

    public async Task ApplyAsync(ProjectionBatch batch, CancellationToken ct)
    {
        if (Interlocked.Increment(ref calls) != at)
        {
            await inner.ApplyAsync(batch, ct);
            return;
        }
        await inner.ApplyAsync(new HoldingBatch(batch, this), ct);
    }

    /// <summary>Passes everything to the daemon's batch, but holds the first write until the test releases it.</summary>
    sealed class HoldingBatch(ProjectionBatch live, Gated gate) : ProjectionBatch(live.Events, live.Tables)
    {
        bool held;

        public override Npgsql.NpgsqlCommand Command(string sql) => live.Command(sql);

        public override void Write(Npgsql.NpgsqlBatchCommand command)
        {
            if (!held)
            {
                held = true;
                gate.Reached.TrySetResult();
                gate.Released.Task.Wait(); // Write is synchronous; the daemon's task waits here, as a slow batch would
            }
            live.Write(command);
        }

        protected override Exception Poisoned(Cases.EventStore.StoredEvent e, Exception inner) =>
            new InvalidOperationException($"event #{e.Seq} failed in a gated batch", inner);
    }
}
