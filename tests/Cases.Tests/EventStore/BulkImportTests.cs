using NodaTime.Testing;
using Cases.Domain;
using Cases.EventStore;
using Cases.Testing;
using Cases.Handlers;
using Marten;
using NodaTime;
using Npgsql;
using static Cases.Tests.EventStore.Events;

namespace Cases.Tests.EventStore;

/// <summary>Marten's bulk event append, with the metadata, hash chain, identity documents and reporters a handler writes.</summary>
public class BulkImportTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>, IAsyncLifetime
{
    static readonly Actor Operator = new("op-1", Role.Operator);
    DocumentStore store = null!;

    public Task InitializeAsync()
    {
        store = CasesStore.For(db.DataSource);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await store.DisposeAsync();

    static ImportedCase Case(string code, ReporterContact? reporter = null, string description = "Rác tồn đọng ở chợ Đông Ba", bool closed = true)
    {
        var received = Received(code, description) with { ReporterRef = reporter is null ? null : Guid.CreateVersion7() };
        CaseEvent[] events =
        [
            received,
            new CaseEvent.CaseVerified(T0 + Duration.FromMinutes(20), "đã xác minh \"tại chỗ\""),
            .. closed ? [new CaseEvent.CaseClosed(T0 + Duration.FromHours(3), "xong")] : Array.Empty<CaseEvent>(),
        ];
        EventMetadata[] metadata =
        [
            Meta("submitCase") with { ClientIpHash = "9f86d081884c7d65" },
            new("corr-2", "cause-1", "key-a", Role.Agency, "agency-a", "verifyCase"),
            Meta("closeCase"),
        ];
        return new ImportedCase(Guid.CreateVersion7(), events, metadata[..events.Length], reporter);
    }

    async Task<IReadOnlyList<StoredEvent>> ReadAsync(Guid id)
    {
        await using var session = store.QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Select(StoredEvent.From).ToList();
    }

    /// <summary>Everything an import writes, counted.</summary>
    async Task<(long Streams, long Events, long Identities, long Reporters)> CountsAsync() => (
        await db.ScalarAsync<long>("select count(*) from cases.mt_streams"),
        await db.ScalarAsync<long>("select count(*) from cases.mt_events"),
        await db.ScalarAsync<long>("select count(*) from cases.mt_doc_caseidentity"),
        await db.ScalarAsync<long>("select count(*) from cases.reporters"));

    static CommandOutcome.Done Done(CommandOutcome o) => o as CommandOutcome.Done ?? throw new Xunit.Sdk.XunitException(o.ToString());

    static CaseSubmission Submission() => new(
        CaseKind.FieldReport, Channel.App, "sanitation_environment", "Cống bị tắc ở Vỹ Dạ", null, "Vỹ Dạ", [], null);

    [Fact]
    public async Task Imported_cases_read_back_as_appended_ones_and_their_hash_chains_verify()
    {
        var reporter = new ReporterContact("Nguyễn Văn A", "0905123456", null, "12 Lê Lợi");
        var cases = new[] { Case(NewCode(), reporter), Case(NewCode()), Case(NewCode(), description: "Tab\there, \\ and a control \u0001 character") };

        var report = await BulkImport.ImportAsync(store, cases);

        Assert.Equal(new ImportReport(3, 9), report);
        foreach (var c in cases)
        {
            var read = await ReadAsync(c.Id);
            Assert.Equal(c.Events.Select(EventJson.Serialize), read.Select(e => EventJson.Serialize(e.Event)));
            Assert.Equal(c.Metadata, read.Select(e => e.Metadata));
            Assert.Equal([1L, 2L, 3L], read.Select(e => e.Version));
            Assert.Equal(read.Select(e => e.Seq).Order(), read.Select(e => e.Seq));
            Assert.Equal(c.Id, await new CaseEventStore(store).FindByTrackingCodeAsync(c.Received.TrackingCode));
            var chain = await new ChainVerifier(db.DataSource).VerifyStreamAsync(c.Id);
            Assert.True(chain.Valid, string.Join("; ", chain.Breaks));
        }
        var all = await new ChainVerifier(db.DataSource).VerifyAllAsync();
        Assert.True(all.Valid, string.Join("; ", all.Breaks));

        await using var contact = db.DataSource.CreateCommand("select name, phone, email from cases.reporters where ref = $1");
        contact.Parameters.Add(new NpgsqlParameter { Value = cases[0].Received.ReporterRef!.Value });
        await using var r = await contact.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal(("Nguyễn Văn A", "0905123456", true), (r.GetString(0), r.GetString(1), r.IsDBNull(2)));
    }

    [Fact]
    public async Task An_imported_case_takes_further_commands_through_the_handlers_and_its_chain_stays_whole()
    {
        var c = Case(NewCode(), closed: false);
        await BulkImport.ImportAsync(store, [c]);

        await using var host = await WriteSideHost.StartAsync(db.DataSource, new FakeClock(TestTime.MondayMorning + Duration.FromHours(1)), scheduleDeadlines: false);
        var assigned = Done(await host.Commands.HandleAsync(c.Id, new CaseCommand.AssignCase("agency-a", []), new CommandEnvelope(Operator, "corr-after-import")));

        Assert.Equal(3, assigned.State.Version);
        Assert.Equal(c.Received.TrackingCode, assigned.State.TrackingCode);
        var chain = await new ChainVerifier(db.DataSource).VerifyStreamAsync(c.Id);
        Assert.True(chain.Valid, string.Join("; ", chain.Breaks));
        Assert.Equal(3, chain.EventsChecked);
    }

    [Fact]
    public async Task An_import_that_fails_part_way_writes_nothing()
    {
        var existing = NewCode();
        await BulkImport.ImportAsync(store, [Case(existing)]);
        var before = await CountsAsync();

        // 2,500 good cases with reporters (more than one chunk is copied) and then one whose tracking code is taken.
        var cases = Enumerable.Range(0, 2500).Select(_ => Case(NewCode(), new ReporterContact("Trần B", null, null, null))).Append(Case(existing));
        var e = await Assert.ThrowsAsync<PostgresException>(() => BulkImport.ImportAsync(store, cases));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, e.SqlState);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_import_with_a_case_id_that_exists_writes_nothing()
    {
        var existing = Case(NewCode());
        await BulkImport.ImportAsync(store, [existing]);
        var before = await CountsAsync();

        var e = await Assert.ThrowsAsync<PostgresException>(() => BulkImport.ImportAsync(store,
            [Case(NewCode(), new ReporterContact("Lê C", null, null, null)), Case(NewCode()) with { Id = existing.Id }]));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, e.SqlState);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task When_Marten_fails_after_the_documents_committed_they_are_removed_again()
    {
        var before = await CountsAsync();
        // Marten's last step, the high-water mark, fails: by then the identity documents and reporters are committed.
        await db.ExecAsync("""
            create function cases.test_refuse() returns trigger language plpgsql as $$ begin raise exception 'refused by test'; end $$;
            create trigger test_refuse before insert or update on cases.mt_event_progression for each row execute function cases.test_refuse();
            """);
        try
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => BulkImport.ImportAsync(store,
                [Case(NewCode(), new ReporterContact("Phạm D", null, null, null)), Case(NewCode())]));
            Assert.Equal("P0001", e.SqlState);
        }
        finally
        {
            await db.ExecAsync("drop trigger test_refuse on cases.mt_event_progression; drop function cases.test_refuse()");
        }
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Imported_events_take_sequence_numbers_after_earlier_appends_and_before_later_ones()
    {
        await using var host = await WriteSideHost.StartAsync(db.DataSource, new FakeClock(TestTime.MondayMorning), scheduleDeadlines: false);
        var env = new CommandEnvelope(Operator, "corr-seq");
        var earlier = Done(await host.Commands.SubmitAsync(Submission(), env)).State.Id;

        var c = Case(NewCode());
        await BulkImport.ImportAsync(store, [c]);
        var later = Done(await host.Commands.SubmitAsync(Submission(), env)).State.Id;

        var earlierSeq = (await ReadAsync(earlier)).Max(e => e.Seq);
        var imported = await ReadAsync(c.Id);
        var laterSeq = (await ReadAsync(later)).Min(e => e.Seq);
        Assert.All(imported, e => Assert.InRange(e.Seq, earlierSeq + 1, laterSeq - 1));
        Assert.Equal([1L, 2L, 3L], imported.OrderBy(e => e.Seq).Select(e => e.Version));
        // The stream row is the one a handler's StartStream<CaseStream> writes.
        Assert.Equal(1, await db.ScalarAsync<long>("select count(distinct type) from cases.mt_streams where id = any($1)", new[] { earlier, c.Id }));
        // Marten moved the daemon's high-water mark past the import as it committed.
        Assert.True(await db.ScalarAsync<long>("select last_seq_id from cases.mt_event_progression where name = 'HighWaterMark'") >= imported.Max(e => e.Seq));
    }

    [Fact]
    public async Task A_data_source_alone_is_enough_for_a_one_shot_import()
    {
        var c = Case(NewCode());

        Assert.Equal(new ImportReport(1, 3), await BulkImport.ImportAsync(db.DataSource, [c]));

        Assert.Equal(c.Metadata, (await ReadAsync(c.Id)).Select(e => e.Metadata));
        Assert.True((await new ChainVerifier(db.DataSource).VerifyStreamAsync(c.Id)).Valid);
    }

    [Fact]
    public async Task A_case_that_does_not_start_with_CaseReceived_is_refused_before_anything_is_written()
    {
        var before = await CountsAsync();
        var bad = new ImportedCase(Guid.CreateVersion7(), [new CaseEvent.CaseVerified(T0, null)], [Meta()]);

        await Assert.ThrowsAsync<ArgumentException>(() => BulkImport.ImportAsync(store, [Case(NewCode(), new ReporterContact("Võ E", null, null, null)), bad]));

        Assert.Equal(before, await CountsAsync());
    }
}
