using Cases.EventStore;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cases.Projections.Tests.Daemon;

/// <summary>
/// Issue 21: the wake-up is paced by the daemon's shards. Woken at every commit, the high-water agent moved the mark a
/// few events at a time and each shard queued a batch per move, which under 8 writers fell seconds behind polling; a
/// wake now lets the agent look again only once every running shard has committed the mark before the current one.
/// The daemon's own tracker of shard states, driven by hand (no database: the wake-up's cross-node half is off).
/// </summary>
public class WakePacingTests
{
    static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    static readonly TimeSpan Polling = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_wake_while_a_shard_projects_the_previous_mark_waits_for_its_commit_and_one_after_it_passes_at_once()
    {
        var (tracker, wake, seen) = await FollowedAsync();
        await tracker.PublishAsync(new ShardState("public_cases:All", 0) { Action = ShardAction.Started });
        await MarkAsync(tracker, seen, 10);
        await MarkAsync(tracker, seen, 20);

        // The shard has not committed 10 yet: a commit's wake waits for it instead of sending the agent to look again.
        wake.Appended();
        var waiting = wake.WaitAsync(Polling, CancellationToken.None);
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "the wake waited for the shard");
        await tracker.PublishAsync(new ShardState("public_cases:All", 10));
        await waiting.WaitAsync(Guard);

        // The shard has committed the mark before the current one: the next wake passes at once.
        wake.Appended();
        await wake.WaitAsync(Polling, CancellationToken.None).WaitAsync(Guard);
        await wake.DisposeAsync();
    }

    [Fact]
    public async Task A_stopped_shard_is_not_waited_for_and_a_slow_one_holds_a_wake_only_for_the_polling_interval()
    {
        var (tracker, wake, seen) = await FollowedAsync();
        await tracker.PublishAsync(new ShardState("public_cases:All", 20));
        await tracker.PublishAsync(new ShardState("sla:All", 0) { Action = ShardAction.Stopped });
        await MarkAsync(tracker, seen, 20);
        await MarkAsync(tracker, seen, 30);

        wake.Appended();
        await wake.WaitAsync(Polling, CancellationToken.None).WaitAsync(Guard);

        // A running shard behind the previous mark: the agent looks anyway when its polling interval ends.
        await tracker.PublishAsync(new ShardState("agency_queues:All", 0));
        wake.Appended();
        await wake.WaitAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None).WaitAsync(Guard);
        await wake.DisposeAsync();
    }

    /// <summary>A wake-up following a fresh tracker, and what an observer subscribed after it has seen.</summary>
    static async Task<(ShardStateTracker, AppendWakeup, List<ShardState>)> FollowedAsync()
    {
        var tracker = new ShardStateTracker(NullLogger.Instance);
        var wake = new AppendWakeup(NpgsqlDataSource.Create("Host=127.0.0.1;Port=1"), Serilog.Core.Logger.None)
        {
            CrossNode = false,
            Shards = () => tracker,
        };
        // The agent's first wait subscribes the wake-up to the tracker (nothing appended: it ends at its timeout).
        await wake.WaitAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None);
        var seen = new List<ShardState>();
        tracker.Subscribe(new Observer(seen));
        return (tracker, wake, seen);
    }

    /// <summary>
    /// Publishes a high-water mark as the agent does, and waits until it has been delivered: the tracker tells its
    /// observers in the order they subscribed, so once the later observer has it, the wake-up has it too.
    /// </summary>
    static async Task MarkAsync(ShardStateTracker tracker, List<ShardState> seen, long mark)
    {
        await tracker.MarkHighWaterAsync(mark);
        await Wait.UntilAsync(() => Task.FromResult(Seen(seen).Any(s => s.ShardName == ShardState.HighWaterMark && s.Sequence == mark)), $"mark {mark} delivered");
    }

    static List<ShardState> Seen(List<ShardState> seen)
    {
        lock (seen) return [.. seen];
    }

    sealed class Observer(List<ShardState> seen) : IObserver<ShardState>
    {
        public void OnNext(ShardState value)
        {
            lock (seen) seen.Add(value);
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
