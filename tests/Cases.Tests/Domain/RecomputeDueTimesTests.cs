using Cases.Domain;
using Cases.Testing;
using NodaTime;
using static Cases.Domain.CaseCommand;
using static Cases.Domain.CaseEvent;
using static Cases.Tests.Domain.Scenario;

namespace Cases.Tests.Domain;

/// <summary>An admin re-measures a case's open due times after a calendar import: one event, old and new due times, the reason.</summary>
public class RecomputeDueTimesTests
{
    static readonly FixedSlaRules NewCalendar = new() { CalendarVersion = "elapsed-time-2", RecomputeShift = Duration.FromHours(1) };
    static readonly Instant Now = T0 + Duration.FromHours(3);

    [Fact]
    public void An_assigned_report_gets_its_accept_and_resolve_due_times_moved_in_one_event_with_the_reason()
    {
        var state = Given(Histories(CaseKind.FieldReport)["assigned"]);
        var recomputed = Assert.IsType<DueTimesRecomputed>(Assert.Single(ThenEvents(
            When(state, new RecomputeDueTimes("  calendar 2028.1 imported  "), Admin, Now, NewCalendar))));

        Assert.Equal("calendar 2028.1 imported", recomputed.Reason);
        Assert.Equal("elapsed-time", recomputed.FromCalendarVersion);
        Assert.Equal("elapsed-time-2", recomputed.CalendarVersion);
        Assert.Equal(
            [new RecomputedDue(DueClock.Accept, state.AcceptDueAt!.Value, state.AcceptDueAt.Value + Duration.FromHours(1)),
             new RecomputedDue(DueClock.Resolve, state.DueAt!.Value, state.DueAt.Value + Duration.FromHours(1))],
            recomputed.Changes);

        var after = CaseDecider.Apply(state, [recomputed]);
        Assert.Equal(state.DueAt.Value + Duration.FromHours(1), after.DueAt);
        Assert.Equal(state.AcceptDueAt.Value + Duration.FromHours(1), after.AcceptDueAt);
        Assert.Equal("elapsed-time-2", after.CalendarVersion);
        // The same calendar again moves nothing.
        Assert.Empty(ThenEvents(When(after, new RecomputeDueTimes("again"), Admin, Now, NewCalendar)));
    }

    [Fact]
    public void A_due_time_already_past_and_an_extension_someone_chose_stay_as_they_were()
    {
        var extended = Assigned(CaseKind.FieldReport).DueAt + Duration.FromDays(3);
        var state = Given([.. Histories(CaseKind.FieldReport)["in_progress"], new ExtensionGranted(T0 + Duration.FromHours(4), extended, "contractor")]);

        var recomputed = Assert.IsType<DueTimesRecomputed>(Assert.Single(ThenEvents(When(state, new RecomputeDueTimes("2028.1"), Admin, Now, NewCalendar))));
        Assert.Equal([DueClock.Resolve], recomputed.Changes.Select(c => c.Clock));
        Assert.Equal(extended, CaseDecider.Apply(state, [recomputed]).ExtendedDueAt);

        // After every due time has passed there is nothing to move.
        Assert.Empty(ThenEvents(When(state, new RecomputeDueTimes("2028.1"), Admin, extended + Duration.FromDays(1), NewCalendar)));
    }

    [Fact]
    public void A_case_waiting_for_the_citizen_moves_the_reply_due_time_and_the_paused_clock()
    {
        var state = Given(Histories(CaseKind.Dossier)["waiting_for_citizen"]);
        var recomputed = Assert.IsType<DueTimesRecomputed>(Assert.Single(ThenEvents(When(state, new RecomputeDueTimes("2028.1"), Admin, Now + Duration.FromHours(2), NewCalendar))));

        Assert.Equal([DueClock.Statutory, DueClock.InformationReply], recomputed.Changes.Select(c => c.Clock));
    }

    [Theory]
    [InlineData(Role.Operator)]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Agency)]
    [InlineData(Role.Citizen)]
    public void Only_an_admin_may_recompute(Role role)
    {
        var state = Given(Histories(CaseKind.FieldReport)["assigned"]);
        ThenError(When(state, new RecomputeDueTimes("2028.1"), new Actor("x", role, role == Role.Agency ? "agency-a" : null), Now, NewCalendar), DomainError.Forbidden);
    }

    [Fact]
    public void A_recompute_needs_a_reason_and_a_closed_case_refuses_it()
    {
        var error = ThenError(When(Given(Histories(CaseKind.FieldReport)["assigned"]), new RecomputeDueTimes(" "), Admin, Now, NewCalendar), DomainError.ValidationFailed);
        Assert.Equal("reason", error.Details["field"]);
        ThenError(When(Given(Histories(CaseKind.FieldReport)["closed"]), new RecomputeDueTimes("2028.1"), Admin, Now, NewCalendar), DomainError.InvalidTransition);
        ThenError(When(Given(Histories(CaseKind.FieldReport)["resolved"]), new RecomputeDueTimes("2028.1"), Admin, Now, NewCalendar), DomainError.InvalidTransition);
    }
}
