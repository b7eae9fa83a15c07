using Cases.Domain;
using Cases.EventStore;
using Cases.Testing;
using NodaTime;
using static Cases.Domain.CaseCommand;
using static Cases.Tests.Domain.Scenario;

namespace Cases.Tests.Domain;

/// <summary>
/// Every command in every state, for both kinds: allowed ones produce their event, the others are refused
/// with CASE_INVALID_TRANSITION naming the status and what is allowed. The expected table is written out
/// here, independently of CaseRules, so a change to the state machine has to be made twice on purpose.
/// </summary>
public class TransitionMatrixTests
{
    const string Erase = "erasePersonalData";
    const string Summary = "setPublicSummary";
    const string Succeed = "succeedAgency"; // a reform moves the case of an ended agency: any state but new and final
    static readonly Dictionary<string, string[]> Report = new()
    {
        ["received"] = ["recomputeDueTimes", "verifyCase", "rejectCase", "classifyCase", "requestInformation", "linkDuplicate", "withdrawCase", "closeCase", "recordDeadline", Erase, Succeed],
        ["verified"] = ["recomputeDueTimes", "classifyCase", "assignCase", "linkDuplicate", "withdrawCase", "closeCase", Summary, Erase, Succeed],
        ["assigned"] = ["recomputeDueTimes", "acceptAssignment", "declineAssignment", "transferCase", "classifyCase", "noteProgress", "grantExtension", "withdrawCase", "closeCase", "recordDeadline", Summary, Erase, Succeed],
        ["in_progress"] = ["recomputeDueTimes", "noteProgress", "requestInformation", "transferCase", "classifyCase", "resolveCase", "grantExtension", "withdrawCase", "closeCase", "recordDeadline", Summary, Erase, Succeed],
        ["waiting_for_citizen"] = ["recomputeDueTimes", "provideInformation", "expireInformationRequest", "withdrawCase", "closeCase", Summary, Erase, Succeed],
        ["resolved"] = ["rateCase", "returnResolution", "reopenCase", "closeCase", Summary, Erase, Succeed],
        ["rated"] = ["returnResolution", "reopenCase", "closeCase", Summary, Erase, Succeed],
        ["closed"] = [Erase], ["rejected"] = [Erase], ["withdrawn"] = [Erase], ["duplicate"] = [Erase],
        // Closed after verification: the summary stays editable, so a name found later can still be taken out.
        ["closed_after_verification"] = [Summary, Erase],
    };
    static readonly Dictionary<string, string[]> Dossier = new()
    {
        ["received"] = ["recomputeDueTimes", "verifyCase", "rejectCase", "classifyCase", "requestInformation", "withdrawCase", "closeCase", Erase, Succeed],
        ["verified"] = ["recomputeDueTimes", "classifyCase", "assignCase", "issueApology", "withdrawCase", "closeCase", "recordDeadline", Erase, Succeed],
        ["assigned"] = ["recomputeDueTimes", "acceptAssignment", "declineAssignment", "transferCase", "classifyCase", "noteProgress", "issueApology", "withdrawCase", "closeCase", "recordDeadline", Erase, Succeed],
        ["in_progress"] = ["recomputeDueTimes", "noteProgress", "requestInformation", "transferCase", "classifyCase", "resolveCase", "issueApology", "withdrawCase", "closeCase", "recordDeadline", Erase, Succeed],
        ["waiting_for_citizen"] = ["recomputeDueTimes", "provideInformation", "expireInformationRequest", "withdrawCase", "closeCase", Erase, Succeed],
        ["resolved"] = ["rateCase", "closeCase", Erase, Succeed],
        ["rated"] = ["closeCase", Erase, Succeed],
        ["closed"] = [Erase], ["rejected"] = [Erase], ["withdrawn"] = [Erase],
    };

    static readonly Instant Later = T0 + Duration.FromDays(30);

    /// <summary>A valid instance of every command (but submit) with an actor allowed to send it, and the events it yields
    /// (aliases joined by commas: verifying a report also sets its public summary).</summary>
    static (CaseCommand Command, Actor Actor, string ReportEvent, string DossierEvent)[] Commands(CaseState s) =>
    [
        (new VerifyCase(null), Operator, "case_verified,public_summary_set", "dossier_accepted"),
        (new SetPublicSummary("Rác thải tồn đọng trên đường Lê Lợi"), Operator, "public_summary_set", "public_summary_set"),
        (new RejectCase("no evidence"), Operator, "case_rejected", "dossier_refused"),
        (new ClassifyCase(s.Category, Priority.Urgent, "Thuận Hóa"), Operator, "case_classified", "case_classified"),
        (new LinkDuplicate(Guid.NewGuid()), Operator, "duplicate_linked", "duplicate_linked"),
        (new AssignCase("agency-a", ["agency-c"]), Operator, "case_assigned", "case_assigned"),
        (new AcceptAssignment(), LeadAgency, "assignment_accepted", "assignment_accepted"),
        (new DeclineAssignment("not ours"), LeadAgency, "assignment_declined", "assignment_declined"),
        (new TransferCase("agency-b", "wrong district"), Operator, "case_transferred", "case_transferred"),
        (new NoteProgress("Đội vệ sinh đã đến hiện trường"), LeadAgency, "progress_noted", "progress_noted"),
        (new RequestInformation("Xin gửi thêm ảnh"), s.Status == CaseStatus.Received ? Operator : LeadAgency, "information_requested", "information_requested"),
        (new ProvideInformation("Ảnh đính kèm"), Citizen, "information_provided", "information_provided"),
        (new ExpireInformationRequest(), Actor.Scheduler, "information_request_expired", "information_request_expired"),
        (new GrantExtension(Later + Duration.FromDays(100), "needs a contractor"), Operator, "extension_granted", "extension_granted"),
        (new IssueApology(Later + Duration.FromDays(100), "appraisal takes longer"), s.LeadAgency is null ? Operator : LeadAgency, "apology_issued", "apology_issued"),
        (new RecordDeadline(s.RunningClock?.Timer ?? SlaTimer.Resolve, s.RunningClock?.DueAt ?? T0, false), Actor.Scheduler, "deadline_approaching", "deadline_approaching"),
        (new ResolveCase("Đã xử lý xong", ["photo-1"]), LeadAgency, "case_resolved", "case_resolved"),
        (new ReturnResolution("still dirty"), Operator, "resolution_returned", "resolution_returned"),
        (new RateCase(4, "ok"), Citizen, "case_rated", "case_rated"),
        (new ReopenCase("not really fixed"), Citizen, "case_reopened,case_assigned", "case_reopened,case_assigned"),
        (new WithdrawCase("no longer needed"), Citizen, "case_withdrawn", "case_withdrawn"),
        (new CloseCase("done"), Operator, "case_closed", "case_closed"),
        (new ErasePersonalData(), Admin, "personal_data_erased", "personal_data_erased"),
        (new RecomputeDueTimes("calendar 2028.1 imported"), Admin, "due_times_recomputed", "due_times_recomputed"),
    ];

    /// <summary>Rules whose calendar differs from the one the histories were computed with, moving every open due time an hour.</summary>
    static readonly FixedSlaRules NewCalendar = new() { CalendarVersion = "elapsed-time-2", RecomputeShift = Duration.FromHours(1) };

    public static TheoryData<CaseKind, string> States()
    {
        var data = new TheoryData<CaseKind, string>();
        foreach (var s in Report.Keys) data.Add(CaseKind.FieldReport, s);
        foreach (var s in Dossier.Keys) data.Add(CaseKind.Dossier, s);
        return data;
    }

    [Theory]
    [MemberData(nameof(States))]
    public void Each_state_accepts_exactly_its_commands_and_refuses_the_rest_with_the_allowed_list(CaseKind kind, string stateName)
    {
        var expected = (kind == CaseKind.FieldReport ? Report : Dossier)[stateName];
        var state = Given(Histories(kind)[stateName]);
        Assert.Equal(expected.Order(), CaseRules.AllowedCommands(state).Order());

        foreach (var (command, actor, reportEvent, dossierEvent) in Commands(state))
        {
            // A recompute is decided before the histories' due times pass, with a calendar that moves them; one on a
            // case with no open due time (a verified report, a dossier not yet accepted) is accepted and appends nothing.
            var decision = command is RecomputeDueTimes ? When(state, command, actor, T0, NewCalendar) : When(state, command, actor, Later);
            if (expected.Contains(command.Name) && command is RecomputeDueTimes && state.DueAt is null && !(state.Status == CaseStatus.Received && state.Kind == CaseKind.FieldReport))
                Assert.Empty(ThenEvents(decision));
            else if (expected.Contains(command.Name))
            {
                var events = ThenEvents(decision);
                Assert.Equal(kind == CaseKind.FieldReport ? reportEvent : dossierEvent, string.Join(",", events.Select(EventTypes.AliasOf)));
                var after = CaseDecider.Apply(state, events);
                Assert.Equal(state.Version + events.Count, after.Version);
            }
            else
            {
                var error = ThenError(decision, DomainError.InvalidTransition);
                Assert.Equal(stateName switch { "rated" => "resolved", "closed_after_verification" => "closed", _ => stateName }, error.Details["status"]);
                Assert.Equal(expected.Order(), ((IEnumerable<string>)error.Details["allowed"]!).Order());
            }
        }
    }

    [Theory]
    [InlineData(CaseKind.FieldReport)]
    [InlineData(CaseKind.Dossier)]
    public void A_case_that_does_not_exist_accepts_only_a_submission(CaseKind kind)
    {
        var state = CaseState.Initial(CaseId);
        foreach (var (command, actor, _, _) in Commands(state))
            ThenError(When(state, command, actor), DomainError.NotFound);

        var submit = new SubmitCase(kind, Channel.App, kind == CaseKind.FieldReport ? "traffic_infrastructure" : "birth_registration",
            "Ổ gà lớn trên cầu Trường Tiền", new GeoPoint(16.47, 107.59), "Thuận Hóa", [], "HUE-2026-000042", null);
        var received = Assert.IsType<CaseEvent.CaseReceived>(Assert.Single(ThenEvents(When(state, submit, Public, T0))));
        Assert.Equal("HUE-2026-000042", received.TrackingCode);
        Assert.Equal(kind == CaseKind.FieldReport ? T0 + FixedSlaRules.Verify : null, received.VerifyDueAt);
        ThenError(When(Given(received), submit, Public), DomainError.InvalidTransition);
    }
}
