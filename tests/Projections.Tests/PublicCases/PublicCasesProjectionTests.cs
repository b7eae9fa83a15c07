using Cases.Domain;
using Cases.Testing;
using NodaTime;
using static Cases.Domain.CaseEvent;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.PublicCases;

public class PublicCasesProjectionTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>, IAsyncLifetime
{
    readonly Node node = Node.For(db);
    CaseStreams Streams => node.Streams;

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await node.DisposeAsync();

    static DateTime Utc(Instant i) => i.ToDateTimeUtc();

    [Fact]
    public async Task A_field_report_s_whole_life_shows_as_a_public_case_and_its_timeline()
    {
        var code = NewCode();
        await Streams.NewAsync(FullLifecycle(code));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var row = await Rows.OneAsync(db, "select * from projections.public_cases where tracking_code = $1", code);
        Assert.NotNull(row);
        Assert.Equal("field_report", row["kind"]);
        Assert.Equal("sanitation_environment", row["category"]);
        Assert.Equal("Phú Hội", row["ward"]);
        Assert.Equal(16.464, row["latitude"]);   // rounded to ~100 m
        Assert.Equal(107.59, row["longitude"]);
        Assert.Equal("app", row["channel"]);
        Assert.Equal("resolved", row["public_status"]);
        Assert.Equal("so-tai-nguyen-moi-truong", row["lead_agency"]);
        Assert.Equal(Utc(T0), row["received_at"]);
        Assert.Equal(Utc(H(4)), row["verify_due_at"]);
        Assert.Equal(Utc(H(61)), row["due_at"]);    // moved by the pause
        Assert.Equal(Utc(H(96)), row["resolved_at"]);
        Assert.Equal(false, row["on_time"]);
        Assert.Equal("Đã thu gom rác và xử phạt.", row["public_answer"]);
        Assert.Equal(4, row["rating"]);
        Assert.Equal(9L, row["version"]);

        var steps = await Rows.ReadAsync(db, "select step, agency, public_text from projections.public_timeline where tracking_code = $1 order by version", code);
        Assert.Equal(
            ["received", "verified", "assigned", "assignment_accepted", "information_requested", "information_provided", "progress", "resolved", "rated"],
            steps.Select(s => (string)s["step"]!));
        Assert.Equal("Đã cử đội thu gom.", steps[6]["public_text"]);
        // The citizen's own words (the reply, the rating comment) are never copied.
        Assert.DoesNotContain(steps, s => s["public_text"] is string t && (t.Contains("Ngõ 12") || t.Contains("Nguyễn")));
    }

    [Fact]
    public async Task A_dossier_with_an_apology_shows_the_apology_and_still_counts_late()
    {
        var code = NewCode("HUE-D");
        await Streams.NewAsync(
            Dossier(code),
            new DossierAccepted(H(1), H(241), "test-1", "elapsed-time"),
            new CaseAssigned(H(2), "so-xay-dung", [], H(241), H(4), "test-1", "elapsed-time"),
            new AssignmentAccepted(H(3), "so-xay-dung"),
            new ApologyIssued(H(200), H(300), "Hồ sơ cần thẩm định thêm; xin lỗi ông bà."),
            new CaseResolved(H(290), "so-xay-dung", "Đã cấp giấy phép.", [], H(241), false));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var row = await Rows.OneAsync(db, "select * from projections.public_cases where tracking_code = $1", code);
        Assert.NotNull(row);
        Assert.Equal("dossier", row["kind"]);
        Assert.Equal(true, row["apology_issued"]);
        Assert.Equal(Utc(H(300)), row["apology_due_at"]);
        Assert.Equal("Hồ sơ cần thẩm định thêm; xin lỗi ông bà.", row["apology_text"]);
        Assert.Equal(Utc(H(241)), row["due_at"]);
        Assert.Equal(false, row["on_time"]);
        Assert.Null(row["latitude"]);
        var steps = await Rows.ReadAsync(db, "select step from projections.public_timeline where tracking_code = $1 order by version", code);
        Assert.Contains(steps, s => (string)s["step"]! == "apology_issued");
    }

    [Fact]
    public async Task A_rejected_report_is_public_with_its_reason()
    {
        var code = NewCode();
        await Streams.NewAsync(Report(code), new CaseRejected(H(2), "Ngoài phạm vi tiếp nhận."));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var row = await Rows.OneAsync(db, "select public_status from projections.public_cases where tracking_code = $1", code);
        Assert.Equal("rejected", row!["public_status"]);
        var last = await Rows.OneAsync(db, "select step, public_text from projections.public_timeline where tracking_code = $1 and version = 2", code);
        Assert.Equal("rejected", last!["step"]);
        Assert.Equal("Ngoài phạm vi tiếp nhận.", last["public_text"]);
    }

    [Fact]
    public async Task A_duplicate_is_closed_and_points_to_its_master()
    {
        var master = NewCode();
        var duplicate = NewCode();
        var masterId = await Streams.NewAsync(Report(master));
        await Streams.NewAsync(Report(duplicate, H(1)), new DuplicateLinked(H(2), masterId));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var row = await Rows.OneAsync(db, "select public_status, duplicate_of from projections.public_cases where tracking_code = $1", duplicate);
        Assert.Equal("closed", row!["public_status"]);
        Assert.Equal(master, row["duplicate_of"]);
    }

    [Fact]
    public async Task A_progress_note_s_photos_are_public_with_it_and_only_ids_count_as_photos()
    {
        var code = NewCode();
        var (first, second) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        await Streams.NewAsync(
            Report(code),
            new CaseVerified(H(1), null),
            new CaseAssigned(H(2), "hepco", [], H(42), H(4), "test-1", "elapsed-time"),
            new ProgressNoted(H(3), "hepco", "Đang nạo vét.") { MediaRefs = [first, "not-an-upload"] },
            new ProgressNoted(H(5), "hepco", "Nạo vét xong một nửa.") { MediaRefs = [second] },
            new ProgressNoted(H(6), "hepco", "Chưa có ảnh."));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var row = await Rows.OneAsync(db, "select progress_photos, after_photos from projections.public_cases where tracking_code = $1", code);
        Assert.Equal([first, second], (string[])row!["progress_photos"]!);
        Assert.Empty((string[])row["after_photos"]!);
    }

    [Fact]
    public async Task A_confidential_misconduct_report_never_appears_in_public_views()
    {
        var code = NewCode();
        var id = await Streams.NewAsync(
            Report(code, category: CaseDecider.MisconductCategory),
            new CaseVerified(H(1), null),
            new CaseAssigned(H(2), "thanh-tra-tinh", [], H(42), H(4), "test-1", "elapsed-time"));
        // A report that becomes misconduct by reclassification disappears from public views too.
        var later = NewCode();
        var laterId = await Streams.NewAsync(Report(later), new CaseVerified(H(1), null));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where tracking_code = $1", later));
        await Streams.AppendAsync(laterId, new CaseClassified(H(3), CaseDecider.MisconductCategory, Priority.Normal, "Phú Hội"), new ProgressNoted(H(4), "thanh-tra-tinh", "x"));
        await node.CaughtUpAsync();

        foreach (var c in new[] { code, later })
        {
            Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where tracking_code = $1", c));
            Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from projections.public_timeline where tracking_code = $1", c));
        }
        // Not public, but still counted and still in the agency's work list.
        Assert.True(await db.ScalarAsync<bool>("select confidential from projections.sla_facts where case_id = $1", id));
        Assert.True(await db.ScalarAsync<bool>("select open from projections.agency_queues where case_id = $1", id));
        Assert.True(await db.ScalarAsync<bool>("select confidential from projections.agency_queues where case_id = $1", laterId));
    }
}
