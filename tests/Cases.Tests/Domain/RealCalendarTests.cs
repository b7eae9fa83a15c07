using Cases.Domain;
using Cases.Sla;
using NodaTime;
using static Cases.Domain.CaseCommand;
using static Cases.Domain.CaseEvent;
using static Cases.Tests.Domain.Scenario;

namespace Cases.Tests.Domain;

/// <summary>The decider with the real working-time calendar and policies: due times as the IOC counts them.</summary>
public class RealCalendarTests
{
    static readonly ISlaRules Sla = SlaRules.LoadEmbedded();
    static readonly DateTimeZone Hue = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
    static Instant At(int y, int m, int d, int h, int min) => new LocalDateTime(y, m, d, h, min).InZoneStrictly(Hue).ToInstant();

    [Fact]
    public void A_report_received_on_friday_evening_is_due_for_verification_on_monday_in_working_hours()
    {
        var submit = new SubmitCase(CaseKind.FieldReport, Channel.App, "sanitation_environment", "Rác", new GeoPoint(16.4668, 107.5947), "Thuận Hóa", [], "HUE-2026-000009", null);
        var received = Assert.IsType<CaseReceived>(ThenEvents(When(CaseState.Initial(CaseId), submit, Public, At(2026, 3, 6, 18, 0), Sla))[0]);
        // sanitation_environment: verify within 4 working hours, counted from Monday 07:30.
        Assert.Equal(At(2026, 3, 9, 11, 30), received.VerifyDueAt);
        Assert.Equal(Sla.CalendarVersion, received.CalendarVersion);
        Assert.Equal(Sla.PolicyVersion, received.PolicyVersion);
    }

    [Fact]
    public void A_dossier_accepted_before_tet_has_its_statutory_time_counted_after_the_holiday()
    {
        var received = Received(CaseKind.Dossier, "business_registration") with { At = At(2026, 2, 12, 9, 0) };
        var accepted = Assert.IsType<DossierAccepted>(ThenEvents(When(Given(received), new VerifyCase(null), Operator, At(2026, 2, 12, 9, 0), Sla))[0]);
        // 3 working days after Thursday 12 February: Friday 13, then Tết (16-20 February), Monday 23, Tuesday 24.
        Assert.Equal(At(2026, 2, 24, 17, 0), accepted.DueAt);
    }

    [Fact]
    public void Resolving_one_minute_after_the_working_time_due_is_late()
    {
        var inProgress = Given(Histories(CaseKind.FieldReport)["in_progress"]) with { DueAt = At(2026, 3, 10, 17, 0) };
        Assert.True(((CaseResolved)ThenEvents(When(inProgress, new ResolveCase("xong", []), LeadAgency, At(2026, 3, 10, 17, 0), Sla))[0]).OnTime);
        Assert.False(((CaseResolved)ThenEvents(When(inProgress, new ResolveCase("xong", []), LeadAgency, At(2026, 3, 10, 17, 1), Sla))[0]).OnTime);
    }

    [Fact]
    public void A_dossier_running_into_2027_does_not_count_new_year_as_a_working_day()
    {
        var received = Received(CaseKind.Dossier, "construction_permit") with { At = At(2026, 12, 14, 10, 0) };
        var accepted = Assert.IsType<DossierAccepted>(ThenEvents(When(Given(received), new VerifyCase(null), Operator, At(2026, 12, 14, 10, 0), Sla))[0]);
        // 15 working days after Monday 14 December 2026: 15-18 (4), 21-25 (9), 28-31 (13), Friday 1 January 2027 is
        // New Year (Labour Code art. 112(1)(a)), Monday 4 (14), Tuesday 5 (15). Without 2027's data: Monday 4.
        Assert.Equal(At(2027, 1, 5, 17, 0), accepted.DueAt);
        Assert.Equal("2025.1+2026.1+2027.1", accepted.CalendarVersion);
    }

    [Fact]
    public void A_dossier_accepted_before_tet_2027_skips_the_tet_days_and_their_compensatory_days()
    {
        var received = Received(CaseKind.Dossier, "business_registration") with { At = At(2027, 2, 3, 10, 0) };
        var accepted = Assert.IsType<DossierAccepted>(ThenEvents(When(Given(received), new VerifyCase(null), Operator, At(2027, 2, 3, 10, 0), Sla))[0]);
        // 3 working days after Wednesday 3 February 2027: Thursday 4 (1); Friday 5 is the last day of Bính Ngọ,
        // 6-7 are Tết on the weekend, 8-9 Tết, 10-11 their compensatory days; Friday 12 (2), Monday 15 (3).
        Assert.Equal(At(2027, 2, 15, 17, 0), accepted.DueAt);
    }

    [Fact]
    public void A_report_assigned_before_hung_kings_day_2027_is_due_after_the_long_weekend()
    {
        var verified = Given(Received(CaseKind.FieldReport) with { At = At(2027, 4, 15, 8, 0) }, new CaseVerified(At(2027, 4, 15, 9, 0), null));
        var assigned = Assert.IsType<CaseAssigned>(ThenEvents(When(verified, new AssignCase("agency-a", []), Operator, At(2027, 4, 15, 15, 0), Sla))[0]);
        // sanitation_environment resolves in 40 working hours of the 7.5-hour day (07:30-11:30, 13:30-17:00): Thursday
        // 15:00-17:00 (2), Friday 16 April is Hùng Kings' day, Monday 19 to Friday 23 (37.5), Monday 26 half an hour.
        Assert.Equal(At(2027, 4, 26, 8, 0), assigned.DueAt);
    }
}
