using Cases.Domain;
using Cases.Testing;
using static Cases.Domain.CaseCommand;
using static Cases.Domain.CaseEvent;
using static Cases.Tests.Domain.Scenario;

namespace Cases.Tests.Domain;

/// <summary>Who may act, and what bad input gets back: a typed refusal that names the field.</summary>
public class AuthorityAndInputTests
{
    static readonly CaseState Assigned = Given(Histories(CaseKind.FieldReport)["assigned"]);

    [Fact]
    public void Only_the_assigned_agency_may_accept_or_resolve_another_agency_is_forbidden()
    {
        ThenEvents(When(Assigned, new AcceptAssignment(), LeadAgency));
        ThenError(When(Assigned, new AcceptAssignment(), OtherAgency), DomainError.Forbidden);
        var inProgress = Given(Histories(CaseKind.FieldReport)["in_progress"]);
        ThenError(When(inProgress, new ResolveCase("x", []), OtherAgency), DomainError.Forbidden);
    }

    [Theory]
    [InlineData(Role.Public)]
    [InlineData(Role.Citizen)]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Agency)]
    public void Only_the_center_may_assign(Role role)
    {
        var verified = Given(Histories(CaseKind.FieldReport)["verified"]);
        ThenError(When(verified, new AssignCase("agency-a", []), new Actor("x", role, role == Role.Agency ? "agency-a" : null)), DomainError.Forbidden);
        ThenEvents(When(verified, new AssignCase("agency-a", []), Operator));
    }

    [Fact]
    public void An_auditor_can_change_nothing()
    {
        foreach (var (_, history) in Histories(CaseKind.FieldReport))
        {
            var state = Given(history);
            foreach (var name in CaseRules.AllowedCommands(state))
                Assert.False(CaseRules.MayAct(Auditor, CommandNamed(name), state), name);
        }
    }

    static CaseCommand CommandNamed(string name) => name switch
    {
        "submitCase" => new SubmitCase(CaseKind.FieldReport, Channel.App, "x", "x", null, "x", [], "x", null),
        "verifyCase" => new VerifyCase(null), "rejectCase" => new RejectCase("x"), "classifyCase" => new ClassifyCase("x", Priority.Normal, "x"),
        "linkDuplicate" => new LinkDuplicate(Guid.NewGuid()), "assignCase" => new AssignCase("a", []), "acceptAssignment" => new AcceptAssignment(),
        "declineAssignment" => new DeclineAssignment("x"), "transferCase" => new TransferCase("b", "x"), "noteProgress" => new NoteProgress("x"),
        "requestInformation" => new RequestInformation("x"), "provideInformation" => new ProvideInformation("x"),
        "expireInformationRequest" => new ExpireInformationRequest(), "grantExtension" => new GrantExtension(T0, "x"),
        "issueApology" => new IssueApology(T0, "x"), "recordDeadline" => new RecordDeadline(SlaTimer.Resolve, T0, false),
        "resolveCase" => new ResolveCase("x", []), "returnResolution" => new ReturnResolution("x"), "rateCase" => new RateCase(5, null),
        "reopenCase" => new ReopenCase("x"), "withdrawCase" => new WithdrawCase("x"), "closeCase" => new CloseCase("x"),
        "erasePersonalData" => new ErasePersonalData(), "recomputeDueTimes" => new RecomputeDueTimes("x"),
        "setPublicSummary" => new SetPublicSummary("x"), "succeedAgency" => new SucceedAgency("a", "b", "2025.07", "x"),
        _ => throw new ArgumentException(name),
    };

    public static TheoryData<CaseCommand, string> BadSubmissions() => new()
    {
        { Submission() with { Description = "   " }, "description" },
        { Submission() with { Description = new string('x', CaseDecider.MaxDescriptionLength + 1) }, "description" },
        { Submission() with { Category = "aliens" }, "category" },
        { Submission() with { Location = new GeoPoint(21.03, 105.85) }, "location" },
        { Submission() with { Location = new GeoPoint(double.NaN, 107.5) }, "location" },
        { Submission() with { Ward = "", Location = null, Category = CaseDecider.MisconductCategory }, "ward" },
        { Submission() with { Ward = "Phường Không Có" }, "ward" },
        { Submission() with { Location = null }, "location" },
        { Submission() with { MediaRefs = Enumerable.Range(0, 21).Select(i => $"m{i}").ToArray() }, "mediaRefs" },
        { Submission() with { MediaRefs = Enumerable.Range(0, CaseDecider.MaxPhotos + 1).Select(i => $"m{i}").ToArray() }, "mediaRefs" },
        { Submission() with { MediaRefs = ["m1", "m1"] }, "mediaRefs" },
    };

    static SubmitCase Submission() => new(CaseKind.FieldReport, Channel.App, "sanitation_environment", "Rác", new GeoPoint(16.46, 107.59), "Thuận Hóa", [], "HUE-2026-000001", null);

    [Theory]
    [MemberData(nameof(BadSubmissions))]
    public void A_malformed_submission_is_refused_naming_the_field(CaseCommand command, string field)
    {
        var error = ThenError(When(CaseState.Initial(CaseId), command, Public), DomainError.ValidationFailed);
        Assert.Equal(field, error.Details["field"]);
    }

    [Fact]
    public void A_ward_abolished_on_1_July_2025_is_refused_naming_its_successor_in_Vietnamese_and_English()
    {
        // The shipped map (issue 24): Vĩnh Ninh is part of phường Thuận Hóa since 1 July 2025.
        var error = ThenError(When(CaseState.Initial(CaseId), Submission() with { Ward = "Vĩnh Ninh" }, Public), DomainError.ValidationFailed);
        Assert.Equal(("ward", "former"), (error.Details["field"], error.Details["reason"]));
        Assert.Equal(("phường Thuận Hóa", "Thuận Hóa Ward", "2025-07-01"), (error.Details["successorVi"], error.Details["successorEn"], error.Details["since"]));
        Assert.Contains("Thuận Hóa Ward", error.Message);

        // Before the reform the same ward was in force: a case dated then keeps it.
        var june2025 = NodaTime.Instant.FromUtc(2025, 6, 10, 2, 0);
        var maps = Cases.Places.MapLibrary.Embedded();
        var then = CaseDecider.Decide(Submission() with { Ward = "Vĩnh Ninh" }, CaseState.Initial(CaseId),
            new DecideContext(june2025, Public, Cases.Testing.FixedSlaRules.Instance) { Places = maps.MapAt(new NodaTime.LocalDate(2025, 6, 10)) });
        Assert.Equal("Vĩnh Ninh", Assert.IsType<CaseReceived>(ThenEvents(then)[0]).Ward);
        // A name no map ever had is simply unknown.
        Assert.Equal("unknown", ThenError(When(CaseState.Initial(CaseId), Submission() with { Ward = "Phường Không Có" }, Public), DomainError.ValidationFailed).Details["reason"]);
    }

    [Fact]
    public void A_report_without_a_ward_takes_the_ward_whose_centre_is_nearest_its_point()
    {
        // 16.4782, 107.5738: by the citadel, nearest Phú Xuân's centre (the ward since 1 July 2025).
        var received = Assert.IsType<CaseReceived>(ThenEvents(When(CaseState.Initial(CaseId),
            Submission() with { Ward = "", Location = new GeoPoint(16.4782, 107.5738) }, Public))[0]);
        Assert.Equal("Phú Xuân", received.Ward);
    }

    [Fact]
    public void A_placeless_report_or_one_the_center_takes_by_phone_needs_no_point()
    {
        var misconduct = Submission() with { Category = CaseDecider.MisconductCategory, Location = null };
        Assert.IsType<CaseReceived>(ThenEvents(When(CaseState.Initial(CaseId), misconduct, Public))[0]);
        var byPhone = Submission() with { Channel = Channel.Hotline, Location = null };
        Assert.IsType<CaseReceived>(ThenEvents(When(CaseState.Initial(CaseId), byPhone, Operator))[0]);
    }

    [Fact]
    public void A_report_is_merged_into_an_older_case_never_a_newer_one()
    {
        var received = Given(Histories(CaseKind.FieldReport)["received"]);
        var newer = new LinkDuplicate(Guid.NewGuid()) { MasterReceivedAt = received.ReceivedAt!.Value + NodaTime.Duration.FromMinutes(1) };
        var error = ThenError(When(received, newer, Operator), DomainError.ValidationFailed);
        Assert.Equal(("masterId", "newer"), (error.Details["field"], error.Details["reason"]));
        var older = newer with { MasterReceivedAt = received.ReceivedAt!.Value - NodaTime.Duration.FromDays(1) };
        Assert.IsType<DuplicateLinked>(ThenEvents(When(received, older, Operator))[0]);
    }

    [Fact]
    public void Classifying_into_a_ward_that_does_not_exist_is_refused_naming_the_ward()
    {
        var received = Given(Histories(CaseKind.FieldReport)["received"]);
        var error = ThenError(When(received, new ClassifyCase("sanitation_environment", Priority.Normal, "Phường Không Có"), Operator), DomainError.ValidationFailed);
        Assert.Equal("ward", error.Details["field"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void A_rating_outside_one_to_five_is_refused(int score)
    {
        var resolved = Given(Histories(CaseKind.FieldReport)["resolved"]);
        Assert.Equal("score", ThenError(When(resolved, new RateCase(score, null), Citizen), DomainError.ValidationFailed).Details["field"]);
    }

    [Fact]
    public void A_rating_of_four_or_more_counts_as_satisfied()
    {
        var resolved = Given(Histories(CaseKind.FieldReport)["resolved"]);
        Assert.True(Assert.IsType<CaseEvent.CaseRated>(ThenEvents(When(resolved, new RateCase(4, null), Citizen))[0]).Satisfied);
        Assert.False(Assert.IsType<CaseEvent.CaseRated>(ThenEvents(When(resolved, new RateCase(3, null), Citizen))[0]).Satisfied);
    }

    [Fact]
    public void A_misconduct_report_is_confidential_from_receipt()
    {
        var submit = Submission() with { Category = CaseDecider.MisconductCategory };
        var received = Assert.IsType<CaseEvent.CaseReceived>(ThenEvents(When(CaseState.Initial(CaseId), submit, Public))[0]);
        Assert.True(received.Confidential);
    }

    [Fact]
    public void A_case_cannot_be_linked_as_a_duplicate_of_itself()
    {
        var received = Given(Histories(CaseKind.FieldReport)["received"]);
        ThenError(When(received, new LinkDuplicate(CaseId), Operator), DomainError.ValidationFailed);
    }

    static readonly CaseState InProgress = Given(Histories(CaseKind.FieldReport)["in_progress"]);

    [Fact]
    public void A_progress_note_carries_its_photos_in_the_event()
    {
        var note = Assert.IsType<ProgressNoted>(Assert.Single(ThenEvents(When(InProgress, new NoteProgress(" Đang nạo vét ") { MediaRefs = ["m1", "m2"] }, LeadAgency))));
        Assert.Equal(["m1", "m2"], note.MediaRefs);
        Assert.Equal("Đang nạo vét", note.PublicText);
        Assert.Empty(Assert.IsType<ProgressNoted>(Assert.Single(ThenEvents(When(InProgress, new NoteProgress("x"), LeadAgency)))).MediaRefs);
    }

    public static TheoryData<string[]> BadProgressPhotos() => new()
    {
        Enumerable.Range(0, CaseDecider.MaxPhotos + 1).Select(i => $"m{i}").ToArray(),
        new[] { "m1", "m1" },
        new[] { "m1", " " },
    };

    [Theory]
    [MemberData(nameof(BadProgressPhotos))]
    public void A_progress_note_with_too_many_repeated_or_empty_photos_is_refused_naming_mediaRefs(string[] refs)
    {
        var error = ThenError(When(InProgress, new NoteProgress("Đang nạo vét") { MediaRefs = refs }, LeadAgency), DomainError.ValidationFailed);
        Assert.Equal("mediaRefs", error.Details["field"]);
    }
}
