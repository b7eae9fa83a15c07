using Cases.Domain;
using NodaTime;
using static Cases.Domain.CaseCommand;
using static Cases.Domain.CaseEvent;
using static Cases.Tests.Domain.Scenario;

namespace Cases.Tests.Domain;

/// <summary>Issue 24: a reform ends an agency; each case it holds moves to the successor with one event, clocks untouched.</summary>
public class AgencySucceededTests
{
    static readonly Instant Now = T0 + Duration.FromHours(30);
    static SucceedAgency Reform(string from = "agency-a", string to = "agency-merged") => new(from, to, "2025.07", "1675/NQ-UBTVQH15 (2025-06-16)");

    [Theory]
    [InlineData("assigned")]
    [InlineData("in_progress")]
    [InlineData("waiting_for_citizen")]
    [InlineData("resolved")]
    public void The_lead_agency_is_succeeded_in_the_same_status_with_the_same_due_times(string stage)
    {
        var state = Given(Histories(CaseKind.FieldReport)[stage]);
        var e = Assert.IsType<AgencySucceeded>(Assert.Single(ThenEvents(When(state, Reform(), Admin, Now))));
        Assert.Equal(("agency-a", "agency-merged", "2025.07"), (e.FromAgency, e.ToAgency, e.MapVersion));

        var after = CaseDecider.Apply(state, [e]);
        Assert.Equal("agency-merged", after.LeadAgency);
        Assert.Equal(state.Status, after.Status);
        Assert.Equal((state.DueAt, state.ExtendedDueAt, state.AcceptDueAt, state.PausedAt), (after.DueAt, after.ExtendedDueAt, after.AcceptDueAt, after.PausedAt));
        // Run again (the reorganisation is safe to repeat): nothing more.
        Assert.Empty(ThenEvents(When(after, Reform(), Admin, Now)));
    }

    [Fact]
    public void An_overdue_case_stays_overdue_with_its_breach_on_record()
    {
        var assigned = Assigned(CaseKind.FieldReport);
        var late = assigned.DueAt + Duration.FromHours(2);
        var state = Given([.. Histories(CaseKind.FieldReport)["in_progress"], new DeadlineBreached(late, SlaTimer.Resolve, assigned.DueAt)]);
        var after = CaseDecider.Apply(state, ThenEvents(When(state, Reform(), Admin, late + Duration.FromHours(1))));
        Assert.Equal("agency-merged", after.LeadAgency);
        Assert.Equal(state.DeadlineMarks, after.DeadlineMarks);
        Assert.Equal(state.EffectiveDueAt, after.EffectiveDueAt);
    }

    [Fact]
    public void A_supporting_agency_is_replaced_and_a_case_of_another_agency_is_untouched()
    {
        var supported = Given([Received(CaseKind.FieldReport), Verified(CaseKind.FieldReport), Assigned(CaseKind.FieldReport) with { SupportingAgencies = ["agency-c"] }]);
        var after = CaseDecider.Apply(supported, ThenEvents(When(supported, Reform("agency-c", "agency-d"), Admin, Now)));
        Assert.Equal("agency-a", after.LeadAgency);
        Assert.Equal("agency-d", Assert.Single(after.SupportingAgencies));

        Assert.Empty(ThenEvents(When(Given(Histories(CaseKind.FieldReport)["assigned"]), Reform("agency-x", "agency-y"), Admin, Now)));
    }

    [Fact]
    public void Only_an_admin_reorganises_and_a_closed_case_or_a_self_succession_is_refused()
    {
        var state = Given(Histories(CaseKind.FieldReport)["assigned"]);
        ThenError(When(state, Reform(), Operator, Now), DomainError.Forbidden);
        ThenError(When(state, Reform(), LeadAgency, Now), DomainError.Forbidden);
        ThenError(When(state, Reform("agency-a", "agency-a"), Admin, Now), DomainError.ValidationFailed);
        ThenError(When(Given(Histories(CaseKind.FieldReport)["closed"]), Reform(), Admin, Now), DomainError.InvalidTransition);
    }
}
