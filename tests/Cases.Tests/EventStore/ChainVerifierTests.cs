using Cases.Domain;
using Cases.EventStore;
using Cases.Testing;
using static Cases.Tests.EventStore.Events;

namespace Cases.Tests.EventStore;

/// <summary>Auditors prove nothing was altered or removed: one changed byte is found and the event named.</summary>
public class ChainVerifierTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>
{
    async Task<Guid> StreamWithThreeEvents(string description = "Cống bị tắc ở Vỹ Dạ")
    {
        var store = new CaseEventStore(db.DataSource);
        var id = Guid.CreateVersion7();
        await store.AppendAsync(id, 0, [Received(NewCode(), description)], Meta());
        await store.AppendAsync(id, 1, [new CaseEvent.CaseVerified(T0, null)], Meta());
        await store.AppendAsync(id, 2, [new CaseEvent.ProgressNoted(T0, "agency-a", "Đã nạo vét")], Meta());
        return id;
    }

    // Tampering needs a superuser to switch off the append-only trigger, as an attacker with database access would.
    Task Tamper(string sql, Guid id) => db.ExecAsync($"""
        alter table cases.events disable trigger events_append_only;
        {sql};
        alter table cases.events enable trigger events_append_only;
        """.Replace("$id", $"'{id}'"), []);

    [Fact]
    public async Task An_untouched_store_verifies()
    {
        var id = await StreamWithThreeEvents();
        var report = await new ChainVerifier(db.DataSource).VerifyStreamAsync(id);
        Assert.True(report.Valid);
        Assert.Equal(3, report.EventsChecked);
        // Other tests in this class tamper with their own streams; this one's must not be among the breaks.
        var all = await new ChainVerifier(db.DataSource).VerifyAllAsync();
        Assert.DoesNotContain(all.Breaks, b => b.StreamId == id);
        Assert.True(all.StreamsChecked >= 1);
    }

    [Fact]
    public async Task One_changed_byte_in_one_event_is_found_and_that_event_is_named()
    {
        var id = await StreamWithThreeEvents("Cống bị tắc ở Vỹ Dạ");
        var other = await StreamWithThreeEvents();
        await Tamper("update cases.events set data = jsonb_set(data, '{description}', '\"Cống bị tắc ở Vỹ Dạ!\"') where stream_id = $id and version = 1", id);

        var report = await new ChainVerifier(db.DataSource).VerifyAllAsync();
        var broken = Assert.Single(report.Breaks, b => b.StreamId == id || b.StreamId == other);
        Assert.Equal(id, broken.StreamId);
        Assert.Equal(1, broken.Version);
        Assert.Contains("hash", broken.Reason);
        Assert.True((await new ChainVerifier(db.DataSource).VerifyStreamAsync(other)).Valid);
    }

    [Fact]
    public async Task A_changed_actor_in_the_metadata_is_found()
    {
        var id = await StreamWithThreeEvents();
        await Tamper("update cases.events set metadata = jsonb_set(metadata, '{actorId}', '\"someone-else\"') where stream_id = $id and version = 2", id);
        Assert.Equal(2, Assert.Single((await new ChainVerifier(db.DataSource).VerifyStreamAsync(id)).Breaks).Version);
    }

    [Fact]
    public async Task A_removed_event_in_the_middle_or_at_the_end_is_found()
    {
        var middle = await StreamWithThreeEvents();
        await Tamper("delete from cases.events where stream_id = $id and version = 2", middle);
        var b = Assert.Single((await new ChainVerifier(db.DataSource).VerifyStreamAsync(middle)).Breaks);
        Assert.Equal(3, b.Version);
        Assert.Contains("missing", b.Reason);

        var tail = await StreamWithThreeEvents();
        await Tamper("delete from cases.events where stream_id = $id and version = 3", tail);
        Assert.Contains("stream records version 3", Assert.Single((await new ChainVerifier(db.DataSource).VerifyStreamAsync(tail)).Breaks).Reason);
    }
}
