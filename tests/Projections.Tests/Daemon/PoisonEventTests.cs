using System.Collections.Concurrent;
using Cases.EventStore;
using Cases.Projections.Daemon;
using Cases.Testing;
using Serilog.Events;
using static Cases.Domain.CaseEvent;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.Daemon;

/// <summary>DESIGN 5: a poison event stops its projection only, is logged and shown, and goes only when an operator skips it.</summary>
public class PoisonEventTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    /// <summary>A projection with a bug: it cannot apply a case whose tracking code starts with POISON.</summary>
    sealed class Fragile : IProjection
    {
        public ConcurrentBag<Guid> Applied { get; } = [];
        public string Name => "fragile";
        public IReadOnlyList<string> Tables => [];

        public Task ApplyAsync(ProjectionBatch batch, CancellationToken ct)
        {
            foreach (var e in batch.Events)
            {
                if (e.Event is CaseReceived r && r.TrackingCode.StartsWith("POISON", StringComparison.Ordinal))
                    throw new InvalidOperationException("cannot handle " + r.TrackingCode);
            }
            foreach (var e in batch.Events) Applied.Add(e.StreamId);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_poison_event_stops_only_its_projection_until_an_operator_skips_it_on_the_record()
    {
        var streams = new CaseStreams(new CaseEventStore(db.DataSource));
        var fragile = new Fragile();
        await using var daemon = RunningDaemon.Start(db, [.. ProjectionCatalog.All(RunningDaemon.Calendar), fragile]);
        var before = await streams.NewAsync(Report(NewCode()));
        var poison = await streams.NewAsync(Report(NewCode("POISON")), new CaseVerified(H(1), null));
        var after = await streams.NewAsync(Report(NewCode()));
        var position = (await new CaseEventStore(db.DataSource).ReadStreamAsync(poison))[0].Position;

        await Wait.UntilAsync(async () => (await FragileStatus(daemon)).State == ProjectionState.Poisoned, "fragile poisoned", mustNotFault: () => daemon.Run);
        var status = await FragileStatus(daemon);
        Assert.Equal(position, status.LastError!.Position);
        Assert.Equal(poison, status.LastError.StreamId);
        Assert.Equal("case_received", status.LastError.EventType);
        Assert.Contains("cannot handle POISON", status.LastError.Message);
        Assert.True(status.Checkpoint.CompareTo(position) < 0);
        Assert.True(status.LagEvents >= 3);
        Assert.Contains(before, fragile.Applied);        // the events before the poison one were applied
        Assert.DoesNotContain(after, fragile.Applied);
        lock (daemon.Logs)
            Assert.Contains(daemon.Logs, e => e.Level == LogEventLevel.Error && e.Properties["Position"].ToString() == $"\"{position}\""
                && e.Properties["CaseId"].ToString() == poison.ToString());

        // The other projections go on, with events after the poison one.
        var later = await streams.NewAsync(Report(NewCode()));
        await Wait.UntilAsync(async () => (await daemon.Daemon.StatusAsync()).Where(s => s.Name != "fragile").All(s => s.LagEvents == 0),
            "the others caught up", mustNotFault: () => daemon.Run);
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.sla_facts where case_id = $1", later));
        Assert.Equal(position, (await FragileStatus(daemon)).LastError?.Position);

        await daemon.Daemon.SkipAsync("fragile", position, "bug #12: fixed in the next release");
        await daemon.CaughtUpAsync();
        Assert.Equal(ProjectionState.Running, (await FragileStatus(daemon)).State);
        Assert.Contains(later, fragile.Applied);
        Assert.Contains(poison, fragile.Applied);        // its later events apply; only the skipped one is left out
        var skipped = await Rows.OneAsync(db, "select * from projections.skipped_events where name = 'fragile'");
        Assert.Equal(position.Seq, skipped!["seq"]);
        Assert.Equal(poison, skipped["stream_id"]);
        Assert.Equal("case_received", skipped["event_type"]);
        Assert.Equal("bug #12: fixed in the next release", skipped["reason"]);
        Assert.Contains("cannot handle POISON", (string)skipped["error"]!);
    }

    [Fact]
    public async Task A_rebuild_stops_at_a_poison_event_and_resumes_after_it_is_skipped()
    {
        var streams = new CaseStreams(new CaseEventStore(db.DataSource));
        await streams.NewAsync(Report(NewCode()));
        var poison = await streams.NewAsync(Report(NewCode("POISON")));
        var position = (await new CaseEventStore(db.DataSource).ReadStreamAsync(poison))[0].Position;
        var fragile = new Fragile();
        var idle = RunningDaemon.Idle(db, [fragile]);
        // Another test's open transaction (anywhere in the cluster) can hold the log back for a moment.
        await Wait.UntilAsync(async () => (await new CaseEventStore(db.DataSource).ReadLogAsync(LogPosition.Start, 100_000)).Any(x => x.Position == position),
            "the poison event readable in the log");

        var e = await Assert.ThrowsAsync<ProjectionPoisonedException>(() => idle.Daemon.RebuildAsync("fragile"));
        Assert.Equal(position, e.Position);
        Assert.Equal(poison, e.StreamId);
        await idle.Daemon.SkipAsync("fragile", position, "known bad event");
        await idle.Daemon.RebuildAsync("fragile");
        Assert.DoesNotContain(poison, fragile.Applied);
        Assert.True((await idle.Daemon.StatusAsync())[0].Checkpoint.CompareTo(position) >= 0);
    }

    static async Task<ProjectionStatus> FragileStatus(RunningDaemon d) => (await d.Daemon.StatusAsync()).Single(s => s.Name == "fragile");
}
