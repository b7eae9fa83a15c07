using Cases.Domain;
using Cases.EventStore;
using Cases.Testing;
using Cases.Workflow;
using NodaTime;
using Npgsql;
using static Cases.Tests.EventStore.Events;

namespace Cases.Tests.EventStore;

public class BulkImportTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>
{
    CaseEventStore Store => new(db.DataSource);

    static ImportedCase Case(string code, ReporterContact? reporter = null, string description = "Rác tồn đọng ở chợ Đông Ba")
    {
        var received = Received(code, description) with { ReporterRef = reporter is null ? null : Guid.CreateVersion7() };
        CaseEvent[] events =
        [
            received,
            new CaseEvent.CaseVerified(T0 + Duration.FromMinutes(20), "đã xác minh \"tại chỗ\""),
            new CaseEvent.CaseClosed(T0 + Duration.FromHours(3), "xong"),
        ];
        return new ImportedCase(Guid.CreateVersion7(), events, [Meta("submitCase"), Meta("verifyCase"), Meta("closeCase")], reporter);
    }

    async Task<long> CountAsync(string sql)
    {
        await using var cmd = db.DataSource.CreateCommand(sql);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Imported_cases_read_back_as_appended_ones_and_their_hash_chains_verify()
    {
        var reporter = new ReporterContact("Nguyễn Văn A", "0905123456", null, "12 Lê Lợi");
        var cases = new[] { Case(NewCode(), reporter), Case(NewCode()), Case(NewCode(), description: "Tab\there, \\ and a control \u0001 character") };

        var report = await BulkImport.ImportAsync(db.DataSource, cases);

        Assert.Equal(new ImportReport(3, 9), report);
        foreach (var c in cases)
        {
            var read = await Store.ReadStreamAsync(c.Id);
            Assert.Equal(c.Events.Select(EventJson.Serialize), read.Select(e => EventJson.Serialize(e.Event)));
            Assert.Equal(["submitCase", "verifyCase", "closeCase"], read.Select(e => e.Metadata.Command));
            Assert.Equal(c.Id, await Store.FindByTrackingCodeAsync(c.Received.TrackingCode));
            var chain = await new ChainVerifier(db.DataSource).VerifyStreamAsync(c.Id);
            Assert.True(chain.Valid, string.Join("; ", chain.Breaks));
        }
        await using var contact = db.DataSource.CreateCommand("select name, phone from cases.reporters where ref = $1");
        contact.Parameters.Add(new NpgsqlParameter { Value = cases[0].Received.ReporterRef!.Value });
        await using var r = await contact.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.Equal(("Nguyễn Văn A", "0905123456"), (r.GetString(0), r.GetString(1)));
    }

    [Fact]
    public async Task An_imported_case_takes_further_appends_and_its_chain_stays_whole()
    {
        var c = Case(NewCode());
        await BulkImport.ImportAsync(db.DataSource, [c]);

        Assert.Equal(4, await Store.AppendAsync(c.Id, 3, [new CaseEvent.ProgressNoted(T0 + Duration.FromHours(4), "so-xay-dung", "ghi chú")], Meta("addNote")));

        Assert.True((await new ChainVerifier(db.DataSource).VerifyStreamAsync(c.Id)).Valid);
    }

    [Fact]
    public async Task An_import_that_fails_part_way_writes_nothing()
    {
        var existing = NewCode();
        await BulkImport.ImportAsync(db.DataSource, [Case(existing)]);
        var streams = await CountAsync("select count(*) from cases.streams");
        var events = await CountAsync("select count(*) from cases.events");

        // 2,500 good cases (more than one chunk is copied) and then one whose tracking code is taken.
        var cases = Enumerable.Range(0, 2500).Select(_ => Case(NewCode())).Append(Case(existing));
        var e = await Assert.ThrowsAsync<PostgresException>(() => BulkImport.ImportAsync(db.DataSource, cases));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, e.SqlState);
        Assert.Equal(streams, await CountAsync("select count(*) from cases.streams"));
        Assert.Equal(events, await CountAsync("select count(*) from cases.events"));
    }

    [Fact]
    public async Task Imported_events_come_after_everything_committed_before_in_the_commit_ordered_log()
    {
        var before = Guid.CreateVersion7();
        await Store.AppendAsync(before, 0, [Received(NewCode())], Meta());
        await using var conn = await db.DataSource.OpenConnectionAsync();
        // Transaction ids are cluster-wide: another test class's open transaction can hold the log back a moment.
        IReadOnlyList<StoredEvent> log = [];
        for (var deadline = DateTime.UtcNow.AddSeconds(30); !log.Any(x => x.StreamId == before) && DateTime.UtcNow < deadline; await Task.Delay(20))
            log = await CaseEventStore.ReadLogAsync(conn, LogPosition.Start, 100_000);
        var end = log.Single(x => x.StreamId == before).Position;

        var c = Case(NewCode());
        await BulkImport.ImportAsync(db.DataSource, [c]);

        var seen = new List<long>();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); seen.Count < 3 && DateTime.UtcNow < deadline; await Task.Delay(20))
            seen = (await CaseEventStore.ReadLogAsync(conn, end, 100_000)).Where(x => x.StreamId == c.Id).Select(x => x.Version).ToList();
        Assert.Equal([1L, 2L, 3L], seen);
    }

    [Fact]
    public async Task A_case_that_does_not_start_with_CaseReceived_is_refused_before_anything_is_written()
    {
        var events = await CountAsync("select count(*) from cases.events");
        var bad = new ImportedCase(Guid.CreateVersion7(), [new CaseEvent.CaseVerified(T0, null)], [Meta()]);

        await Assert.ThrowsAsync<ArgumentException>(() => BulkImport.ImportAsync(db.DataSource, [bad]));

        Assert.Equal(events, await CountAsync("select count(*) from cases.events"));
    }
}
