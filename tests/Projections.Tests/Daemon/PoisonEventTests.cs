using Cases.Testing;
using JasperFx.Events.Daemon;
using Marten;
using static Cases.Domain.CaseEvent;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.Daemon;

/// <summary>DESIGN 5: in a continuous run, a poison event is skipped by its projection only and kept in Marten's dead letters, which health shows.</summary>
public class PoisonEventTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    [Fact]
    public async Task A_poison_event_is_skipped_and_dead_lettered_by_its_projection_only()
    {
        var catalog = ProjectionCatalog.All(Node.Calendar);
        var fragile = new Fragile(catalog[0]);
        await using var node = Node.For(db, [fragile, .. catalog.Skip(1)]);
        var (beforeCode, poisonCode, afterCode) = (NewCode(), NewCode("POISON"), NewCode());
        var before = await node.Streams.NewAsync(Report(beforeCode));
        var poison = await node.Streams.NewAsync(Report(poisonCode), new CaseVerified(H(1), null));
        var after = await node.Streams.NewAsync(Report(afterCode));
        var seqs = await db.ScalarAsync<long[]>("select array_agg(seq_id order by version) from cases.mt_events where stream_id = $1", poison);

        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        // The projection went past it: the events before and after, and the poison case's later event, applied.
        Assert.Contains(before, fragile.Applied.Values);
        Assert.Contains(after, fragile.Applied.Values);
        Assert.False(fragile.Applied.ContainsKey(seqs![0]));
        Assert.True(fragile.Applied.ContainsKey(seqs[1]));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where tracking_code = $1", poisonCode));
        Assert.Equal(2L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where tracking_code = any($1)", (object)new[] { beforeCode, afterCode }));

        // Marten kept it, with what went wrong.
        await using (var session = node.Store.QuerySession())
        {
            var dead = Assert.Single(await session.Query<DeadLetterEvent>().Where(d => d.ProjectionName == "public_cases").ToListAsync());
            Assert.Equal(seqs[0], dead.EventSequence);
            Assert.Equal("All", dead.ShardName);
            Assert.Equal("InvalidOperationException", dead.ExceptionType);
        }
        var status = (await node.Monitor.StatusAsync()).ToDictionary(s => s.Name);
        Assert.Equal(1, status["public_cases"].DeadLetters);
        Assert.Equal(0, status["public_cases"].LagEvents);

        // The other projections applied it.
        Assert.Equal(0, status["sla"].DeadLetters);
        Assert.Equal(0, status["agency_queues"].DeadLetters);
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.sla_facts where case_id = $1", poison));
        Assert.Equal("verified", await db.ScalarAsync<string>("select status from projections.agency_queues where case_id = $1", poison));
    }
}
