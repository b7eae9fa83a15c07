using Cases.Domain;
using Cases.Testing;
using NodaTime;
using static Cases.Domain.CaseCommand;
using static Cases.Domain.CaseEvent;
using static Cases.Tests.Domain.Scenario;

namespace Cases.Tests.Domain;

/// <summary>How commands start, pause, move and stop the clocks, and how on time and late are fixed.</summary>
public class ClockTests
{
    static readonly CaseEvent[] ReportInProgress = Histories(CaseKind.FieldReport)["in_progress"];
    static readonly CaseEvent[] DossierInProgress = Histories(CaseKind.Dossier)["in_progress"];
    static readonly Instant ReportDue = Assigned(CaseKind.FieldReport).DueAt;
    static readonly Instant DossierDue = Assigned(CaseKind.Dossier).DueAt;

    [Fact]
    public void A_report_resolved_at_its_due_time_is_on_time_and_one_minute_later_is_late()
    {
        var state = Given(ReportInProgress);
        var onTime = Assert.IsType<CaseResolved>(Assert.Single(ThenEvents(When(state, new ResolveCase("Xong", []), LeadAgency, ReportDue))));
        Assert.True(onTime.OnTime);
        var late = Assert.IsType<CaseResolved>(Assert.Single(ThenEvents(When(state, new ResolveCase("Xong", []), LeadAgency, ReportDue + Duration.FromMinutes(1)))));
        Assert.False(late.OnTime);
        Assert.Equal(ReportDue, late.EffectiveDueAt);
    }

    [Fact]
    public void An_extension_moves_the_due_time_lateness_is_judged_by_and_keeps_the_original()
    {
        var extended = ReportDue + Duration.FromHours(24);
        var state = Given([.. ReportInProgress, new ExtensionGranted(T0, extended, "contractor")]);
        Assert.Equal(ReportDue, state.DueAt);
        Assert.Equal(extended, state.EffectiveDueAt);
        var resolved = Assert.IsType<CaseResolved>(ThenEvents(When(state, new ResolveCase("Xong", []), LeadAgency, ReportDue + Duration.FromHours(2)))[0]);
        Assert.True(resolved.OnTime);
    }

    [Fact]
    public void An_extension_that_does_not_move_the_due_time_later_is_refused_naming_the_field()
    {
        var error = ThenError(When(Given(ReportInProgress), new GrantExtension(ReportDue, "no"), Operator), DomainError.ValidationFailed);
        Assert.Equal("newDueAt", error.Details["field"]);
    }

    [Fact]
    public void A_dossier_apology_is_allowed_once_and_the_dossier_still_counts_late()
    {
        var apology = new IssueApology(DossierDue + Duration.FromDays(5), "thẩm định kéo dài");
        var first = ThenEvents(When(Given(DossierInProgress), apology, LeadAgency));
        var state = Given([.. DossierInProgress, .. first]);
        ThenError(When(state, apology, LeadAgency), DomainError.InvalidTransition);

        var resolved = Assert.IsType<CaseResolved>(ThenEvents(When(state, new ResolveCase("Đã cấp phép", []), LeadAgency, DossierDue + Duration.FromDays(1)))[0]);
        Assert.False(resolved.OnTime);
        Assert.Equal(DossierDue, resolved.EffectiveDueAt);
    }

    [Fact]
    public void A_request_for_information_pauses_the_clock_and_the_answer_moves_the_due_time_by_the_pause()
    {
        var asked = T0 + Duration.FromHours(10);
        var state = Given([.. ReportInProgress, new InformationRequested(asked, "Ảnh?", asked + FixedSlaRules.Reply)]);
        Assert.Null(state.RunningClock);
        var provided = Assert.IsType<InformationProvided>(Assert.Single(ThenEvents(When(state, new ProvideInformation("Đây"), Citizen, asked + Duration.FromHours(30)))));
        Assert.Equal(InformationRequestEffect.Pause, provided.Effect);
        Assert.Equal(SlaTimer.Resolve, provided.Timer);
        Assert.Equal(ReportDue + Duration.FromHours(30), provided.DueAt);
        var after = CaseDecider.Apply(state, [provided]);
        Assert.Equal(CaseStatus.InProgress, after.Status);
        Assert.Equal((SlaTimer.Resolve, ReportDue + Duration.FromHours(30)), after.RunningClock);
    }

    [Fact]
    public void Under_a_restart_policy_the_answer_starts_the_full_time_again()
    {
        var asked = T0 + Duration.FromHours(10);
        var answered = asked + Duration.FromHours(3);
        var state = Given([.. DossierInProgress, new InformationRequested(asked, "Thiếu bản vẽ", asked + FixedSlaRules.Reply)]);
        var sla = new FixedSlaRules { Effect = InformationRequestEffect.Restart };
        var provided = Assert.IsType<InformationProvided>(Assert.Single(ThenEvents(When(state, new ProvideInformation("Bổ sung"), Citizen, answered, sla))));
        Assert.Equal(InformationRequestEffect.Restart, provided.Effect);
        Assert.Equal(answered + FixedSlaRules.Statutory, provided.DueAt);
    }

    [Fact]
    public void A_report_verification_paused_for_information_resumes_with_the_verify_clock_moved()
    {
        var asked = T0 + Duration.FromHours(1);
        var state = Given(Received(CaseKind.FieldReport), new InformationRequested(asked, "Địa chỉ chính xác?", asked + FixedSlaRules.Reply));
        var provided = Assert.IsType<InformationProvided>(ThenEvents(When(state, new ProvideInformation("Số 5 Lê Lợi"), Citizen, asked + Duration.FromHours(2)))[0]);
        Assert.Equal(SlaTimer.Verify, provided.Timer);
        Assert.Equal(T0 + FixedSlaRules.Verify + Duration.FromHours(2), provided.DueAt);
        Assert.Equal(CaseStatus.Received, CaseDecider.Apply(state, [provided]).Status);
    }

    [Fact]
    public void The_resolution_clock_keeps_running_through_a_decline_and_a_new_assignment()
    {
        var state = Given([.. Histories(CaseKind.FieldReport)["assigned"], new AssignmentDeclined(T0 + Duration.FromHours(3), "agency-a", "not ours")]);
        var reassigned = Assert.IsType<CaseAssigned>(ThenEvents(When(state, new AssignCase("agency-b", []), Operator, T0 + Duration.FromHours(20)))[0]);
        Assert.Equal(ReportDue, reassigned.DueAt);
    }

    [Fact]
    public void A_deadline_message_for_a_clock_that_moved_or_was_already_recorded_appends_nothing()
    {
        var state = Given(ReportInProgress);
        var breach = new RecordDeadline(SlaTimer.Resolve, ReportDue, Breached: true);
        Assert.Empty(ThenEvents(When(state, breach, Actor.Scheduler, ReportDue - Duration.FromMinutes(1))));
        var events = ThenEvents(When(state, breach, Actor.Scheduler, ReportDue));
        Assert.IsType<DeadlineBreached>(Assert.Single(events));
        Assert.Empty(ThenEvents(When(Given([.. ReportInProgress, .. events]), breach, Actor.Scheduler, ReportDue)));
        Assert.Empty(ThenEvents(When(state, breach with { DueAt = ReportDue - Duration.FromHours(1) }, Actor.Scheduler, ReportDue)));
    }

    [Fact]
    public void Reopening_a_report_starts_a_new_cycle_back_with_the_agency_that_resolved_it_and_a_new_clock()
    {
        var resolved = Histories(CaseKind.FieldReport)["rated"];
        var before = Given(resolved);
        var reopenedAt = T0 + Duration.FromDays(3);
        var events = ThenEvents(When(before, new ReopenCase("vẫn còn rác"), Citizen, reopenedAt));
        Assert.Equal("vẫn còn rác", Assert.IsType<CaseReopened>(events[0]).Reason);
        var assigned = Assert.IsType<CaseAssigned>(events[1]);
        Assert.Equal(before.LeadAgency, assigned.LeadAgency);
        Assert.Equal(before.SupportingAgencies, assigned.SupportingAgencies);
        Assert.Equal(reopenedAt + FixedSlaRules.Resolve, assigned.DueAt);
        Assert.Equal(reopenedAt, assigned.At);

        var state = Given([.. resolved, .. events]);
        Assert.Equal(2, state.Cycle);
        Assert.Equal(CaseStatus.Assigned, state.Status);
        Assert.Equal(before.LeadAgency, state.LeadAgency);
        Assert.Null(state.OnTime);
        Assert.Null(state.Rating);
        Assert.Equal((SlaTimer.Resolve, reopenedAt + FixedSlaRules.Resolve), state.RunningClock);
        // The agency accepts it again as any assignment; the operator can still send it elsewhere.
        Assert.IsType<AssignmentAccepted>(ThenEvents(When(state, new AcceptAssignment(), LeadAgency, reopenedAt))[0]);
        Assert.Equal("agency-b", Assert.IsType<CaseTransferred>(
            ThenEvents(When(state, new TransferCase("agency-b", "đúng thẩm quyền"), Operator, reopenedAt))[0]).ToAgency);
    }
}
