using Cases.Testing;
using static Cases.Domain.CaseEvent;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.Daemon;

/// <summary>DESIGN 5 and 8: health shows each projection's position, lag and dead letters, from the database, on any node.</summary>
public class StatusTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task Status_shows_lag_in_events_and_seconds_while_stopped_and_none_once_running()
    {
        await using var node = Node.For(db);
        await node.Streams.NewAsync(Report(NewCode()), new CaseVerified(H(1), null));
        await node.Streams.NewAsync(Report(NewCode()));

        var stopped = await node.Monitor.StatusAsync();
        Assert.Equal(["public_cases", "sla", "agency_queues"], stopped.Select(s => s.Name));
        Assert.Equal(["public_cases:All", "sla:All", "agency_queues:All"], stopped.Select(s => s.Shard));
        Assert.All(stopped, s =>
        {
            Assert.False(s.Running);
            Assert.Equal(0, s.Position);
            Assert.True(s.LagEvents >= 3);
            Assert.True(s.LagSeconds >= 0);
            Assert.Equal(0, s.DeadLetters);
        });

        await node.StartHotColdAsync();
        await node.CaughtUpAsync();
        await using var other = Node.For(db); // another "node" asks
        await Wait.UntilAsync(async () => (await other.Monitor.StatusAsync()).All(s => s.Running), "every shard held by the HotCold node");
        var running = await other.Monitor.StatusAsync();
        Assert.All(running, s =>
        {
            Assert.Equal(0, s.LagEvents);
            Assert.Equal(0, s.LagSeconds);
            Assert.True(s.Position >= 3);
            Assert.Equal(s.HighWaterMark, s.Position);
        });

        await node.StopAsync();
        Assert.All(await other.Monitor.StatusAsync(), s => Assert.False(s.Running));
    }
}
