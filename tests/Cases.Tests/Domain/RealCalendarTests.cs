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
        var submit = new SubmitCase(CaseKind.FieldReport, Channel.App, "sanitation_environment", "Rác", null, "Phú Hội", [], "HUE-2026-000009", null);
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
}
