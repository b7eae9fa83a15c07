using Cases.Domain;
using Cases.Projections.ReadApi;
using Cases.Testing;
using NodaTime;
using static Cases.Domain.CaseEvent;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.ReadApi;

/// <summary>The statistics over a small, hand-checked June 2025 (its own database: the numbers are exact).</summary>
public class StatisticsQueriesTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>, IAsyncLifetime
{
    static readonly Instant Base = Instant.FromUtc(2025, 6, 2, 2, 0); // Monday 2 June 2025, 09:00 in Huế
    static Instant At(double hours) => Base + Duration.FromMinutes(hours * 60);
    static readonly StatisticsPeriod June = StatisticsPeriod.Month(2025, 6);
    StatisticsQueries Queries => new(db.DataSource);

    static CaseEvent[] Resolved(string agency, double resolvedAfter, bool onTime, int? score = null, bool satisfied = false) =>
    [
        Report(NewCode(), Base), new CaseVerified(At(1), null),
        new CaseAssigned(At(2), agency, [], At(42), At(4), "p", "c"), new AssignmentAccepted(At(3), agency),
        new CaseResolved(At(resolvedAfter), agency, "Xong.", [], At(42), onTime),
        .. score is { } s ? new CaseEvent[] { new CaseRated(At(resolvedAfter + 1), s, null, satisfied) } : [],
    ];

    public async Task InitializeAsync()
    {
        if (await db.ScalarAsync<long>("select count(*) from cases.mt_events") > 0) return; // seeded by an earlier test of this class
        await using var node = Node.For(db);
        var streams = node.Streams;
        await streams.NewAsync(FullLifecycle(NewCode(), "A", Base));                    // late at +96 h (30 working h), rated 4
        await streams.NewAsync(Resolved("A", 10, true, 5, true));                       // 6 working h
        await streams.NewAsync(Resolved("A", 20, true, 2, false));                      // 6 working h
        await streams.NewAsync(Resolved("B", 30, true));                                // 11.5 working h
        await streams.NewAsync(Report(NewCode(), Base), new CaseRejected(At(1), "Sai."));
        await streams.NewAsync(Report(NewCode(), Base), new CaseVerified(At(1), null),  // open, due at +42 h: overdue by month end
            new CaseAssigned(At(2), "B", [], At(42), At(4), "p", "c"));
        var lateJune = Instant.FromUtc(2025, 6, 30, 2, 0);                             // open, due in July
        await streams.NewAsync(Report(NewCode(), lateJune), new CaseVerified(lateJune + Duration.FromHours(1), null),
            new CaseAssigned(lateJune + Duration.FromHours(1), "B", [], lateJune + Duration.FromHours(41), lateJune + Duration.FromHours(3), "p", "c"));
        await streams.NewAsync(Report(NewCode(), Base, ward: "Vỹ Dạ"), new CaseVerified(At(1), null),
            new CaseAssigned(At(2), "C", [], At(42), At(4), "p", "c"), new AssignmentAccepted(At(3), "C"),
            new InformationRequested(At(4), "?", At(124)));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Late_and_on_time_rates_by_agency_come_with_their_counts_and_definition()
    {
        var report = await Queries.LateRatesAsync(June, StatisticsGrouping.Agency);
        Assert.Contains("late resolved ÷ resolved in the period", report.Definition);
        Assert.Contains("open and overdue ÷ open at period end", report.Definition);
        var rows = report.Rows.ToDictionary(r => r.Group);
        Assert.Equal(new LateRateRow("A", 3, 2, 1, 0, 0, 1 / 3.0, 2 / 3.0, null), rows["A"]);
        Assert.Equal(new LateRateRow("B", 1, 1, 0, 2, 1, 0, 1, 0.5), rows["B"]);
        Assert.Equal(new LateRateRow("C", 0, 0, 0, 1, 0, null, null, 0), rows["C"]); // past its due time, but paused waiting for the citizen
        Assert.False(rows.ContainsKey("")); // the rejected report is outside every denominator
    }

    [Fact]
    public async Task Late_rates_by_month_judge_open_cases_at_each_month_s_end()
    {
        var report = await Queries.LateRatesAsync(new StatisticsPeriod(new YearMonth(2025, 6), new YearMonth(2025, 7)), StatisticsGrouping.Month);
        var rows = report.Rows.ToDictionary(r => r.Group);
        Assert.Equal((4L, 1L, 3L), (rows["2025-06"].Resolved, rows["2025-06"].ResolvedLate, rows["2025-06"].OpenAtEnd));
        Assert.Equal((0L, 3L, 2L), (rows["2025-07"].Resolved, rows["2025-07"].OpenAtEnd, rows["2025-07"].OpenOverdue));
    }

    [Fact]
    public async Task Time_to_resolve_is_a_median_and_p90_in_working_hours()
    {
        var report = await Queries.DurationsAsync(June);
        var resolve = Assert.Single(report.Rows, r => r.Step == DurationStep.Resolve);
        Assert.Equal(4, resolve.Count);
        Assert.Equal(8.75, resolve.MedianWorkingHours, 6);   // of 6, 6, 11.5 and 30 working hours
        Assert.Equal(24.45, resolve.P90WorkingHours, 6);
        var assign = Assert.Single(report.Rows, r => r.Step == DurationStep.Assign);
        Assert.Equal(2.0, assign.MedianWorkingHours, 6);     // received 09:00, assigned 11:00
        Assert.Contains("percentile_cont", report.Definition);

        var byAgency = await Queries.DurationsAsync(June, StatisticsGrouping.Agency);
        Assert.Equal(3, byAgency.Rows.Single(r => r.Group == "A" && r.Step == DurationStep.Resolve).Count);
    }

    [Fact]
    public async Task Satisfaction_is_a_histogram_and_a_share_satisfied()
    {
        var a = (await Queries.SatisfactionAsync(June, StatisticsGrouping.Agency)).Rows.Single(r => r.Group == "A");
        Assert.Equal(3, a.Ratings);
        Assert.Equal([0L, 1L, 0L, 1L, 1L], a.Histogram);
        Assert.Equal(2, a.Satisfied);
        Assert.Equal(2 / 3.0, a.ShareSatisfied!.Value, 6);
        Assert.Equal(11 / 3.0, a.MeanScore!.Value, 6);
    }

    [Fact]
    public async Task Backlog_ageing_sorts_open_cases_by_closeness_to_their_due_time()
    {
        // B's first open case was given 40 h from +2 h: due soon from +34 h, overdue from +42 h.
        Assert.Equal(new BacklogAgeingRow("B", 2, 2, 0, 0, 0), Assert.Single(await Queries.BacklogAgeingAsync(At(30), "B")));
        Assert.Equal(new BacklogAgeingRow("B", 2, 1, 1, 0, 0), Assert.Single(await Queries.BacklogAgeingAsync(At(36), "B")));
        Assert.Equal(new BacklogAgeingRow("B", 2, 1, 0, 1, 0), Assert.Single(await Queries.BacklogAgeingAsync(At(50), "B")));
        var all = await Queries.BacklogAgeingAsync(At(50));
        Assert.Equal(new BacklogAgeingRow("C", 1, 0, 0, 0, 1), all.Single(r => r.Agency == "C"));
    }

    [Fact]
    public async Task An_agency_s_queue_lists_its_open_cases_soonest_due_first()
    {
        var queue = await new AgencyQueries(db.DataSource).QueueAsync("B");
        Assert.Equal(2, queue.Count);
        Assert.Equal(At(42), queue[0].EffectiveDueAt);
        Assert.All(queue, q => Assert.Equal("assigned", q.Status));
    }
}
