using Cases.EventStore;
using Cases.Projections.Daemon;
using Cases.Testing;
using static Cases.Domain.CaseEvent;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.Daemon;

/// <summary>DESIGN 5 and 8: health shows each projection's checkpoint, lag and state, from the database, on any node.</summary>
public class StatusTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task Status_shows_lag_in_events_and_seconds_while_stopped_and_none_once_running()
    {
        var streams = new CaseStreams(new CaseEventStore(db.DataSource));
        await streams.NewAsync(Report(NewCode()), new CaseVerified(H(1), null));
        await streams.NewAsync(Report(NewCode()));

        var idle = RunningDaemon.Idle(db);
        var stopped = await idle.Daemon.StatusAsync();
        Assert.Equal(["public_cases", "sla", "agency_queues"], stopped.Select(s => s.Name));
        Assert.All(stopped, s =>
        {
            Assert.Equal(ProjectionState.Stopped, s.State);
            Assert.Equal(LogPosition.Start, s.Checkpoint);
            Assert.True(s.LagEvents >= 3);
            Assert.True(s.LagSeconds >= 0);
            Assert.Null(s.LastError);
        });

        await using var daemon = RunningDaemon.Start(db);
        await daemon.CaughtUpAsync();
        var running = await idle.Daemon.StatusAsync(); // another "node" asks
        Assert.All(running, s =>
        {
            Assert.Equal(ProjectionState.Running, s.State);
            Assert.Equal(0, s.LagEvents);
            Assert.Equal(0, s.LagSeconds);
            Assert.True(s.Checkpoint.CompareTo(LogPosition.Start) > 0);
        });
    }

    [Fact]
    public async Task Skipping_an_event_that_does_not_exist_is_refused()
    {
        var idle = RunningDaemon.Idle(db);
        await Assert.ThrowsAsync<ArgumentException>(() => idle.Daemon.SkipAsync("sla", new LogPosition(1, long.MaxValue), "typo"));
        await Assert.ThrowsAsync<ArgumentException>(() => idle.Daemon.SkipAsync("no_such_projection", new LogPosition(1, 1), "typo"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from projections.skipped_events"));
    }
}
