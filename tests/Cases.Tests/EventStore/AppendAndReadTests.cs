using Cases.Domain;
using Cases.EventStore;
using Cases.Testing;
using NodaTime;
using Npgsql;
using static Cases.Tests.EventStore.Events;

namespace Cases.Tests.EventStore;

public class AppendAndReadTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>
{
    CaseEventStore Store => new(db.DataSource);

    [Fact]
    public async Task Appended_events_read_back_with_their_data_metadata_versions_and_times()
    {
        var id = Guid.CreateVersion7();
        var code = NewCode();
        var received = Received(code);
        Assert.Equal(1, await Store.AppendAsync(id, 0, [received], Meta("submitCase")));
        var verified = new CaseEvent.CaseVerified(T0 + Duration.FromHours(1), "ảnh rõ");
        Assert.Equal(2, await Store.AppendAsync(id, 1, [verified], Meta("verifyCase")));

        var read = await Store.ReadStreamAsync(id);
        Assert.Equal([1L, 2L], read.Select(e => e.Version));
        Assert.Equal(["case_received", "case_verified"], read.Select(e => e.Type));
        Assert.Equal(EventJson.Serialize(received), EventJson.Serialize(read[0].Event));
        Assert.Equal(verified, read[1].Event);
        Assert.Equal("verifyCase", read[1].Metadata.Command);
        Assert.Equal(Role.Operator, read[1].Metadata.ActorRole);
        Assert.Equal(verified.At, read[1].OccurredAt);
        Assert.Equal(id, await Store.FindByTrackingCodeAsync(code));
    }

    [Fact]
    public async Task A_stream_reads_up_to_a_version_or_as_of_an_instant()
    {
        var id = Guid.CreateVersion7();
        await Store.AppendAsync(id, 0, [Received(NewCode())], Meta());
        await Store.AppendAsync(id, 1, [new CaseEvent.CaseVerified(T0 + Duration.FromHours(1), null)], Meta());
        await Store.AppendAsync(id, 2, [new CaseEvent.CaseClosed(T0 + Duration.FromHours(5), "done")], Meta());

        Assert.Equal(2, (await Store.ReadStreamAsync(id, upToVersion: 2)).Count);
        var asOf = await Store.ReadStreamAsync(id, asOf: T0 + Duration.FromHours(2));
        Assert.Equal(CaseStatus.Verified, CaseState.Fold(id, asOf.Select(e => e.Event)).Status);
    }

    [Fact]
    public async Task Several_events_append_in_one_call_with_consecutive_versions()
    {
        var id = Guid.CreateVersion7();
        var v = await Store.AppendAsync(id, 0, [Received(NewCode()), new CaseEvent.CaseVerified(T0, null), new CaseEvent.CaseClosed(T0, "x")], Meta());
        Assert.Equal(3, v);
        Assert.Equal([1L, 2L, 3L], (await Store.ReadStreamAsync(id)).Select(e => e.Version));
    }

    [Fact]
    public async Task Appending_with_a_stale_version_is_a_conflict_that_appends_nothing()
    {
        var id = Guid.CreateVersion7();
        await Store.AppendAsync(id, 0, [Received(NewCode())], Meta());
        var e = await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendAsync(id, 0, [Received(NewCode())], Meta()));
        Assert.Equal(1, e.Actual);
        e = await Assert.ThrowsAsync<ConcurrencyException>(() => Store.AppendAsync(id, 5, [new CaseEvent.CaseClosed(T0, "x")], Meta()));
        Assert.Equal(1, e.Actual);
        Assert.Single(await Store.ReadStreamAsync(id));
    }

    [Fact]
    public async Task Two_writers_on_one_case_at_once_exactly_one_wins_and_no_sequence_number_is_spent_on_the_loser()
    {
        for (var round = 0; round < 10; round++)
        {
            var id = Guid.CreateVersion7();
            await Store.AppendAsync(id, 0, [Received(NewCode())], Meta());
            using var start = new Barrier(2);
            var writers = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
            {
                start.SignalAndWait();
                try { await Store.AppendAsync(id, 1, [new CaseEvent.ProgressNoted(T0, "agency-a", $"writer {i}")], Meta()); return true; }
                catch (ConcurrencyException) { return false; }
            })).ToArray();
            var results = await Task.WhenAll(writers);
            Assert.Single(results, won => won);
            Assert.Equal(2, (await Store.ReadStreamAsync(id)).Count);
        }
        // The loser raised before inserting, so no identity value was consumed: sequence numbers have no holes.
        Assert.Equal(await db.ScalarAsync<long>("select count(*) from cases.events"),
            await db.ScalarAsync<long>("select max(seq) - min(seq) + 1 from cases.events where seq >= (select min(seq) from cases.events)"));
    }

    [Fact]
    public async Task Statements_sent_with_an_append_commit_or_fail_with_it()
    {
        var id = Guid.CreateVersion7();
        await using var conn = await db.DataSource.OpenConnectionAsync();
        var failing = new NpgsqlBatchCommand("select 1 / 0");
        await Assert.ThrowsAsync<PostgresException>(() =>
            CaseEventStore.AppendAsync(conn, id, 0, [Received(NewCode())], Meta(), "key-atomic", [failing]));
        Assert.Empty(await Store.ReadStreamAsync(id));
        Assert.Null(await Store.FindProcessedAsync("key-atomic"));
    }

    [Fact]
    public async Task An_unknown_stored_event_type_is_an_error_that_names_it()
    {
        var id = Guid.CreateVersion7();
        await Store.AppendAsync(id, 0, [Received(NewCode())], Meta());
        await db.ExecAsync("""
            select cases.append_events($1, null, null, 1, array['case_teleported'], array['{}'::jsonb], array['{}'::jsonb], array[now()], null)
            """, id);
        var e = await Assert.ThrowsAsync<UnknownEventTypeException>(() => Store.ReadStreamAsync(id));
        Assert.Equal("case_teleported", e.Alias);
        Assert.Contains("case_teleported", e.Message);
    }

    [Fact]
    public async Task Events_cannot_be_updated_or_deleted_through_sql()
    {
        var id = Guid.CreateVersion7();
        await Store.AppendAsync(id, 0, [Received(NewCode())], Meta());
        var e = await Assert.ThrowsAsync<PostgresException>(() => db.ExecAsync("update cases.events set type = 'x' where stream_id = $1", id));
        Assert.Equal("CA003", e.SqlState);
        e = await Assert.ThrowsAsync<PostgresException>(() => db.ExecAsync("delete from cases.events where stream_id = $1", id));
        Assert.Equal("CA003", e.SqlState);
    }

    [Fact]
    public async Task A_database_that_is_not_there_gives_a_connection_error_not_a_hang()
    {
        await using var nowhere = Cases.Database.CasesDatabase.Create("Host=127.0.0.1;Port=1;Username=postgres;Database=cases");
        Assert.Equal(5, new NpgsqlConnectionStringBuilder(nowhere.ConnectionString).Timeout);
        await Assert.ThrowsAnyAsync<NpgsqlException>(async () => await new CaseEventStore(nowhere).ReadStreamAsync(Guid.NewGuid()));
    }
}
