using Cases.Projections.Daemon;
using Cases.Testing;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.Daemon;

/// <summary>DESIGN 5: rebuilds skip nothing. A poison event stops the rebuild, named, and the live view stays as it was.</summary>
public class PoisonRebuildTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task A_rebuild_stops_at_a_poison_event_and_a_fixed_read_model_rebuilds_the_view_with_it()
    {
        var catalog = ProjectionCatalog.All(Node.Calendar);
        await using var node = Node.For(db, [new Fragile(catalog[0]), .. catalog.Skip(1)]);
        await node.Streams.NewAsync(Report(NewCode()));
        var poisonCode = NewCode("POISON");
        var poison = await node.Streams.NewAsync(Report(poisonCode));
        var seq = await db.ScalarAsync<long>("select seq_id from cases.mt_events where stream_id = $1", poison);
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();
        var live = await Rows.TableAsync(db, "public_cases");

        var e = await Assert.ThrowsAsync<ProjectionPoisonedException>(() => node.Rebuild.RunAsync("public_cases"));
        Assert.Equal("public_cases", e.Projection);
        Assert.Equal(seq, e.Sequence);
        Assert.Equal(poison, e.StreamId);
        Assert.Equal("case_received", e.EventType);
        Assert.Contains("cannot handle POISON", e.Message);
        Assert.Equal(live, await Rows.TableAsync(db, "public_cases")); // nothing swapped in
        Assert.Equal(1, (await node.Monitor.StatusAsync()).Single(s => s.Name == "public_cases").DeadLetters);

        // The fixed build (the catalog's own read model) rebuilds the view with the event, and its dead letter goes.
        await using var fixedNode = Node.For(db);
        await fixedNode.Rebuild.RunAsync("public_cases");
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where tracking_code = $1", poisonCode));
        Assert.Equal(0, (await fixedNode.Monitor.StatusAsync()).Single(s => s.Name == "public_cases").DeadLetters);
    }
}
