using Cases.Domain;
using Cases.Sla;
using NodaTime;
using static Cases.Tests.Sla.SlaData;

namespace Cases.Tests.Sla;

public class SlaRulesTests
{
    private static readonly SlaRules Rules = new(SlaData.Calendar, SlaData.Policies());

    [Fact]
    public void Known_categories_are_those_the_catalogue_declares_for_the_kind()
    {
        Assert.True(Rules.IsKnownCategory(CaseKind.FieldReport, "public_order"));
        Assert.True(Rules.IsKnownCategory(CaseKind.Dossier, "construction_permit"));
        Assert.False(Rules.IsKnownCategory(CaseKind.Dossier, "public_order"));
        Assert.False(Rules.IsKnownCategory(CaseKind.FieldReport, "weather"));
    }

    [Fact]
    public void Verification_is_due_after_the_normal_limit_in_working_time()
    {
        // public_order: 2 h. 10:00 to 11:30, lunch, then 30 min from 13:30.
        Assert.Equal(Hue(2025, 3, 4, 14, 0), Rules.VerifyDue("public_order", Hue(2025, 3, 4, 10, 0)));
    }

    [Fact]
    public void An_urgent_report_is_due_after_the_urgent_resolve_limit_across_national_day()
    {
        // public_order urgent: 4 h. 1 h on Friday 29 August 2025, then Wednesday 3 September from 07:30.
        Assert.Equal(Hue(2025, 9, 3, 10, 30), Rules.ResolveDue("public_order", Priority.Urgent, Hue(2025, 8, 29, 16, 0)));
    }

    [Fact]
    public void A_dossier_is_due_after_its_statutory_working_days()
    {
        Assert.Equal(Hue(2025, 5, 14, 17, 0), Rules.StatutoryDue("construction_permit", Hue(2025, 4, 21, 9, 0)));
    }

    [Fact]
    public void A_dossier_assignment_is_due_for_acceptance_after_the_dossier_accept_limit()
    {
        // birth_registration: accept within 1 h.
        Assert.Equal(Hue(2025, 3, 5, 8, 0), Rules.AcceptDue(CaseKind.Dossier, "birth_registration", Hue(2025, 3, 4, 16, 30)));
    }

    [Fact]
    public void A_citizen_has_the_catalogues_reply_working_days_to_answer()
    {
        // 10 working days after Monday 3 March 2025.
        Assert.Equal(Hue(2025, 3, 17, 17, 0), Rules.InformationReplyDue(Hue(2025, 3, 3, 10, 0)));
    }

    [Fact]
    public void The_information_effect_comes_from_the_policy()
    {
        Assert.Equal(InformationRequestEffect.Restart, Rules.OnInformationRequest(CaseKind.Dossier, "construction_permit"));
        Assert.Equal(InformationRequestEffect.Pause, Rules.OnInformationRequest(CaseKind.FieldReport, "public_order"));
    }

    [Fact]
    public void A_pause_moves_the_due_time_by_the_working_time_left_at_the_pause()
    {
        // Due Tuesday 15:00, paused at 14:00 with 1 h left, resumed Thursday 16:30: 30 min Thursday, 30 min Friday.
        Assert.Equal(Hue(2025, 3, 7, 8, 0), Rules.ExtendByPause(Hue(2025, 3, 4, 15, 0), Hue(2025, 3, 4, 14, 0), Hue(2025, 3, 6, 16, 30)));
    }

    [Fact]
    public void A_pause_after_the_due_time_keeps_the_due_time()
    {
        var due = Hue(2025, 3, 4, 15, 0);

        Assert.Equal(due, Rules.ExtendByPause(due, Hue(2025, 3, 4, 16, 0), Hue(2025, 3, 6, 9, 0)));
    }

    [Fact]
    public void The_versions_are_the_catalogues_and_the_calendars()
    {
        Assert.Equal("2026.1", Rules.PolicyVersion);
        Assert.Equal("2025.1+2026.1", Rules.CalendarVersion);
    }

    [Fact]
    public void An_unknown_category_is_a_typed_error()
    {
        Assert.Throws<UnknownSlaCategoryException>(() => Rules.VerifyDue("weather", Hue(2025, 3, 4, 10, 0)));
    }

    [Fact]
    public void The_embedded_rules_use_the_embedded_data()
    {
        var rules = SlaRules.LoadEmbedded();

        Assert.Equal(Rules.PolicyVersion, rules.PolicyVersion);
        Assert.Equal("2025.1+2026.1+2027.1", rules.CalendarVersion);
        Assert.Equal(Hue(2025, 5, 14, 17, 0), rules.StatutoryDue("construction_permit", Hue(2025, 4, 21, 9, 0)));
    }
}
