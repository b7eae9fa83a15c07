using NodaTime.Testing;
using Cases.Domain;
using Cases.EventStore;
using Cases.Testing;
using Cases.Handlers;

namespace Cases.Tests.EventStore;

/// <summary>Auditors prove nothing was altered or removed: one changed byte is found and the event named.</summary>
public class ChainVerifierTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>, IAsyncLifetime
{
    static readonly Actor Operator = new("op-1", Role.Operator);
    WriteSideHost host = null!;

    public async Task InitializeAsync() => host = await WriteSideHost.StartAsync(db.DataSource, new FakeClock(TestTime.MondayMorning), scheduleDeadlines: false);
    public async Task DisposeAsync() => await host.DisposeAsync();

    /// <summary>Received, verified, assigned: three events appended by the real handlers.</summary>
    async Task<Guid> StreamWithThreeEvents(string description = "Cống bị tắc ở Vỹ Dạ")
    {
        var env = new CommandEnvelope(Operator, "corr-chain");
        var submitted = (CommandOutcome.Done)await host.Commands.SubmitAsync(new CaseSubmission(
            CaseKind.FieldReport, Channel.App, "sanitation_environment", description, null, "Vỹ Dạ", [], null), env);
        var id = submitted.State.Id;
        // Classified twice rather than verified: verifying a report appends two events (with its public summary).
        Assert.IsType<CommandOutcome.Done>(await host.Commands.HandleAsync(id, new CaseCommand.ClassifyCase("sanitation_environment", Priority.Urgent, "Vỹ Dạ"), env));
        Assert.IsType<CommandOutcome.Done>(await host.Commands.HandleAsync(id, new CaseCommand.ClassifyCase("sanitation_environment", Priority.Normal, "Vỹ Dạ"), env));
        return id;
    }

    // Marten's tables take plain SQL from anyone with write access to the database: the chain is what proves
    // nobody used it.
    Task Tamper(string sql, Guid id) => db.ExecAsync(sql.Replace("$id", $"'{id}'"), []);

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
        await Tamper("update cases.mt_events set data = jsonb_set(data, '{description}', '\"Cống bị tắc ở Vỹ Dạ!\"') where stream_id = $id and version = 1", id);

        var report = await new ChainVerifier(db.DataSource).VerifyAllAsync();
        var broken = Assert.Single(report.Breaks, b => b.StreamId == id || b.StreamId == other);
        Assert.Equal(id, broken.StreamId);
        Assert.Equal(1, broken.Version);
        Assert.Contains("hash", broken.Reason);
        Assert.True((await new ChainVerifier(db.DataSource).VerifyStreamAsync(other)).Valid);
    }

    [Fact]
    public async Task A_changed_actor_or_header_is_found()
    {
        var id = await StreamWithThreeEvents();
        await Tamper("update cases.mt_events set user_name = 'someone-else' where stream_id = $id and version = 2", id);
        Assert.Equal(2, Assert.Single((await new ChainVerifier(db.DataSource).VerifyStreamAsync(id)).Breaks).Version);

        var other = await StreamWithThreeEvents();
        await Tamper("update cases.mt_events set headers = jsonb_set(headers, '{actor_role}', '\"admin\"') where stream_id = $id and version = 3", other);
        var broken = Assert.Single((await new ChainVerifier(db.DataSource).VerifyStreamAsync(other)).Breaks);
        Assert.Equal(3, broken.Version);
        Assert.Contains("hash", broken.Reason);
    }

    [Fact]
    public async Task A_removed_event_in_the_middle_or_at_the_end_is_found()
    {
        var middle = await StreamWithThreeEvents();
        await Tamper("delete from cases.mt_events where stream_id = $id and version = 2", middle);
        var b = Assert.Single((await new ChainVerifier(db.DataSource).VerifyStreamAsync(middle)).Breaks);
        Assert.Equal(3, b.Version);
        Assert.Contains("missing", b.Reason);

        var tail = await StreamWithThreeEvents();
        await Tamper("delete from cases.mt_events where stream_id = $id and version = 3", tail);
        Assert.Contains("stream records version 3", Assert.Single((await new ChainVerifier(db.DataSource).VerifyStreamAsync(tail)).Breaks).Reason);
    }

    [Fact]
    public async Task An_exported_history_verifies_offline_and_a_changed_byte_or_a_removed_event_in_the_file_is_found()
    {
        var id = await StreamWithThreeEvents("Cống bị tắc ở Vỹ Dạ, nước tràn");
        var json = await new ChainVerifier(db.DataSource).ExportAsync(id, "HUE-TEST-1");
        Assert.NotNull(json);
        // Readable: Vietnamese as written, no \u escapes; the hashes in the file.
        Assert.Contains("Cống bị tắc ở Vỹ Dạ, nước tràn", json);
        Assert.DoesNotContain("\\u", json);
        var report = ChainExport.Verify(json!);
        Assert.True(report.Valid);
        Assert.Equal(3, report.EventsChecked);

        var changed = ChainExport.Verify(json!.Replace("Vỹ Dạ, nước tràn\\\"", "Vỹ Dạ, nước tràn!\\\""));
        var broken = Assert.Single(changed.Breaks);
        Assert.Equal((id, 1L), (broken.StreamId, broken.Version));

        var doc = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        doc["events"]!.AsArray().RemoveAt(1);
        var removed = Assert.Single(ChainExport.Verify(doc.ToJsonString()).Breaks);
        Assert.Equal(3, removed.Version);
        Assert.Contains("missing", removed.Reason);

        var cut = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        cut["events"]!.AsArray().RemoveAt(2);
        Assert.Contains("version 3", Assert.Single(ChainExport.Verify(cut.ToJsonString()).Breaks).Reason);
        Assert.Throws<FormatException>(() => ChainExport.Verify("{\"format\": \"something else\"}"));
    }

    /// <summary>
    /// Progress notes stored before they carried photos have no mediaRefs in their jsonb: they read as a note with
    /// none, and their hash (over the jsonb as stored, which nothing rewrites) still holds.
    /// </summary>
    [Fact]
    public async Task A_progress_note_stored_before_notes_had_photos_reads_as_none_and_its_stream_still_verifies()
    {
        const string Old = """{"at": "2026-03-02T01:00:00Z", "agency": "agency-a", "publicText": "Đang nạo vét"}""";
        var serializer = host.Marten.Options.Serializer();
        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Old));
        var note = serializer.FromJson<CaseEvent.ProgressNoted>(json);
        Assert.Equal("Đang nạo vét", note.PublicText);
        Assert.Empty(note.MediaRefs);

        var id = await StreamWithThreeEvents();
        await Tamper("""
            update cases.mt_events set type = 'progress_noted', data = '{"at": "2026-03-02T01:00:00Z", "agency": "agency-a", "publicText": "Đang nạo vét"}'
            where stream_id = $id and version = 3
            """, id);
        await RechainAsync(id, 3);
        Assert.True((await new ChainVerifier(db.DataSource).VerifyStreamAsync(id)).Valid);
        var state = await host.Store.ReadStateAsync(id);
        Assert.Equal(3, state.Version);
    }

    /// <summary>Writes the hash the writer of the day would have written for an event put in place by SQL above.</summary>
    async Task RechainAsync(Guid id, long version)
    {
        await using var read = db.DataSource.CreateCommand("""
            select e.data::text, e.correlation_id, e.causation_id, e.user_name, e.headers ->> 'command', e.headers ->> 'actor_role',
                   e.headers ->> 'actor_agency', e.headers ->> 'client_ip_hash', e.headers ->> 'prev_hash'
            from cases.mt_events e where e.stream_id = $1 and e.version = $2
            """);
        read.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        read.Parameters.Add(new Npgsql.NpgsqlParameter { Value = version });
        string data, hash;
        await using (var r = await read.ExecuteReaderAsync())
        {
            Assert.True(await r.ReadAsync());
            string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            data = r.GetString(0);
            var meta = new EventMetadata(S(1) ?? "", S(2), S(3) ?? "", Enum.Parse<Role>(S(5)!, ignoreCase: true), S(6), S(4) ?? "", S(7));
            hash = EventChain.Hex(EventChain.Hash(EventChain.FromHex(S(8)), id, version, "progress_noted", data, meta));
        }
        await db.ExecAsync($"update cases.mt_events set headers = jsonb_set(headers, '{{hash}}', to_jsonb('{hash}'::text)) where stream_id = '{id}' and version = {version}", []);
    }
}
