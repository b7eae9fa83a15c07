using Cases.Domain;
using Cases.Testing;
using NodaTime;
using static Cases.Domain.CaseEvent;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.Statistics;

public class SlaProjectionTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>, IAsyncLifetime
{
    readonly Node node = Node.For(db);
    CaseStreams Streams => node.Streams;

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await node.DisposeAsync();

    static DateTime Utc(Instant i) => i.ToDateTimeUtc();
    static string NewWard() => "ward-" + Guid.NewGuid().ToString("N")[..8];
    static readonly DateOnly March2026 = new(2026, 3, 1);

    [Fact]
    public async Task A_field_report_s_life_gives_its_clocks_pauses_result_and_working_time()
    {
        var code = NewCode();
        var id = await Streams.NewAsync(FullLifecycle(code));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var f = await Rows.OneAsync(db, "select * from projections.sla_facts where case_id = $1", id);
        Assert.NotNull(f);
        Assert.Equal(1, f["cycle"]);
        Assert.Equal("resolved", f["status"]);
        Assert.Equal(Utc(T0), f["received_at"]);
        Assert.Equal(Utc(H(4)), f["verify_due_at"]);
        Assert.Equal(Utc(H(1)), f["verified_at"]);
        Assert.Equal(Utc(H(2)), f["assigned_at"]);
        Assert.Equal(Utc(H(2)), f["resolve_started_at"]);
        Assert.Equal(Utc(H(61)), f["due_at"]);
        Assert.Equal(1, f["pauses"]);
        Assert.Equal(19L * 3600, f["paused_seconds"]);
        // Monday 14:00 to Tuesday 09:00 in Huế: 14:00-17:00 and 07:30-09:00.
        Assert.Equal(4.5 * 3600, (long)f["paused_working_seconds"]!);
        Assert.Equal(Utc(H(96)), f["resolved_at"]);
        Assert.Equal(true, f["late"]);
        Assert.Equal(Utc(H(96)), f["ended_at"]);
        Assert.Equal(4, f["rating"]);
        Assert.Equal(true, f["satisfied"]);
        Assert.Equal(3600L, f["verify_working_seconds"]);
        Assert.Equal(7200L, f["assign_working_seconds"]);
        // Monday 09:00 to Friday 09:00: 6 h + 3 x 7.5 h + 1.5 h.
        Assert.Equal(30L * 3600, f["resolve_working_seconds"]);
    }

    [Fact]
    public async Task A_due_time_computed_over_a_year_its_calendar_did_not_cover_is_marked_until_a_recompute_with_that_year()
    {
        var hue = Cases.Sla.WorkingCalendar.Zone;
        Instant At(int y, int m, int d, int h) => new LocalDateTime(y, m, d, h, 0).InZoneStrictly(hue).ToInstant();
        var received = Dossier(NewCode(), At(2027, 12, 20, 9));
        // Accepted with the shipped data, which ends with 2027: the due time in January 2028 counted the working week alone.
        var assumed = await Streams.NewAsync(received, new DossierAccepted(At(2027, 12, 20, 9), At(2028, 1, 10, 17), "2026.1", "2025.1+2026.1+2027.1"));
        var covered = await Streams.NewAsync(received with { TrackingCode = NewCode() },
            new DossierAccepted(At(2027, 12, 20, 9), At(2027, 12, 28, 17), "2026.1", "2025.1+2026.1+2027.1"));
        var fixedRules = await Streams.NewAsync(received with { TrackingCode = NewCode() }, new DossierAccepted(At(2027, 12, 20, 9), At(2028, 1, 10, 17), "test-1", "elapsed-time"));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        async Task<bool> Flag(Guid id) => (bool)(await Rows.OneAsync(db, "select * from projections.sla_facts where case_id = $1", id))!["due_assumed"]!;
        Assert.True(await Flag(assumed));
        Assert.False(await Flag(covered));
        Assert.False(await Flag(fixedRules)); // not a calendar version: nothing was assumed

        await Streams.AppendAsync(assumed, new DueTimesRecomputed(At(2027, 12, 22, 9), "2028 imported",
            [new RecomputedDue(DueClock.Statutory, At(2028, 1, 10, 17), At(2028, 1, 11, 17))], "2025.1+2026.1+2027.1", "2026.1", "2025.1+2026.1+2027.1+2028.1"));
        await node.CaughtUpAsync();
        var after = await Rows.OneAsync(db, "select * from projections.sla_facts where case_id = $1", assumed);
        Assert.Equal(false, after!["due_assumed"]);
        Assert.Equal(Utc(At(2028, 1, 11, 17)), after["due_at"]);
    }

    [Fact]
    public async Task Monthly_counts_hold_receipts_results_and_ratings_by_agency_category_ward_channel_and_month()
    {
        var ward = NewWard();
        await Streams.NewAsync(FullLifecycle(NewCode(), ward: ward));
        await Streams.NewAsync(Report(NewCode(), ward: ward), new CaseRejected(H(1), "Không đủ thông tin."));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var cells = await Rows.ReadAsync(db, "select * from projections.sla_monthly where ward = $1 order by agency", ward);
        Assert.Equal(2, cells.Count);
        var rejected = cells[0];
        Assert.Equal("", rejected["agency"]);
        Assert.Equal(March2026, rejected["month"]);
        Assert.Equal((1L, 1L, 0L), ((long)rejected["received"]!, (long)rejected["rejected"]!, (long)rejected["resolved"]!));
        var handled = cells[1];
        Assert.Equal("so-tai-nguyen-moi-truong", handled["agency"]);
        Assert.Equal("sanitation_environment", handled["category"]);
        Assert.Equal("app", handled["channel"]);
        Assert.Equal(1L, handled["received"]);
        Assert.Equal(1L, handled["resolved"]);
        Assert.Equal(0L, handled["resolved_on_time"]);
        Assert.Equal(1L, handled["resolved_late"]);
        Assert.Equal(1L, handled["rating_count"]);
        Assert.Equal(4L, handled["rating_sum"]);
        Assert.Equal(1L, handled["rating_4"]);
        Assert.Equal(1L, handled["satisfied"]);
    }

    [Fact]
    public async Task A_reclassified_case_moves_its_counts_to_its_new_cell()
    {
        var (from, to) = (NewWard(), NewWard());
        var id = await Streams.NewAsync(Report(NewCode(), ward: from));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();
        Assert.Equal(1L, await db.ScalarAsync<long>("select received from projections.sla_monthly where ward = $1", from));

        await Streams.AppendAsync(id, new CaseClassified(H(1), "traffic_infrastructure", Priority.Urgent, to));
        await node.CaughtUpAsync();
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from projections.sla_monthly where ward = $1", from));
        Assert.Equal(1L, await db.ScalarAsync<long>("select received from projections.sla_monthly where ward = $1 and category = 'traffic_infrastructure'", to));
        Assert.Equal("urgent", await db.ScalarAsync<string>("select priority from projections.sla_facts where case_id = $1", id));
    }

    [Fact]
    public async Task A_reopened_report_keeps_its_first_result_and_starts_a_new_cycle()
    {
        var ward = NewWard();
        const string agency = "ubnd-thuan-hoa";
        var id = await Streams.NewAsync(
            Report(NewCode(), ward: ward),
            new CaseVerified(H(1), null),
            new CaseAssigned(H(2), agency, [], H(42), H(4), "test-1", "elapsed-time"),
            new AssignmentAccepted(H(3), agency),
            new CaseResolved(H(20), agency, "Đã sửa.", [], H(42), true),
            new CaseReopened(H(30), "Chưa sửa xong."),
            new CaseAssigned(H(31), agency, [], H(71), H(33), "test-1", "elapsed-time"),
            new CaseResolved(H(80), agency, "Đã sửa lại.", [], H(71), false));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var cycles = await Rows.ReadAsync(db, "select cycle, late, cycle_started_at, assigned_at from projections.sla_facts where case_id = $1 order by cycle", id);
        Assert.Equal(2, cycles.Count);
        Assert.Equal(false, cycles[0]["late"]);
        Assert.Equal(true, cycles[1]["late"]);
        Assert.Equal(Utc(H(30)), cycles[1]["cycle_started_at"]);
        Assert.Equal(Utc(H(31)), cycles[1]["assigned_at"]);
        var cell = await Rows.OneAsync(db, "select received, resolved, resolved_on_time, resolved_late from projections.sla_monthly where ward = $1", ward);
        Assert.Equal(new object?[] { 1L, 2L, 1L, 1L }, cell!.Values.ToArray());
    }
}
