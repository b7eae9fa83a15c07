using Cases.Domain;
using Cases.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using static Cases.Domain.CaseCommand;
using static Cases.Tests.Domain.Scenario;

namespace Cases.Tests.Domain;

/// <summary>Laws of the decider (DESIGN 10): any sequence of commands, valid or not, by anyone, never throws,
/// and the state's version always equals the number of events folded.</summary>
public class DeciderProperties
{
    static readonly Actor[] Actors = [Public, Citizen, Operator, LeadAgency, OtherAgency, Auditor, Admin, Actor.Scheduler];

    /// <summary>Commands with good and bad payloads; some depend on the state so deadlines can match a running clock.</summary>
    static readonly Func<CaseState, Instant, CaseCommand>[] Commands =
    [
        (_, _) => new SubmitCase(CaseKind.FieldReport, Channel.App, "sanitation_environment", "Rác", new GeoPoint(16.46, 107.59), "Thuận Hóa", [], "HUE-2026-000001", Reporter),
        (_, _) => new SubmitCase(CaseKind.Dossier, Channel.Desk, "construction_permit", "Xin phép xây dựng", null, "An Cựu", [], "HUE-2026-000002", null),
        (_, _) => new SubmitCase(CaseKind.FieldReport, Channel.Web, "nope", "", new GeoPoint(99, 999), "", [], "", null),
        (_, _) => new VerifyCase("ok"), (_, _) => new RejectCase("no evidence"), (_, _) => new RejectCase(""),
        (s, _) => new ClassifyCase(s.Category, Priority.Urgent, "Phú Xuân"), (_, _) => new ClassifyCase("bogus", Priority.Normal, "x"),
        (_, _) => new LinkDuplicate(Guid.NewGuid()), (_, _) => new LinkDuplicate(CaseId),
        (_, _) => new AssignCase("agency-a", []), (_, _) => new AssignCase("agency-b", ["agency-a"]), (_, _) => new AssignCase("agency-a", ["agency-a"]),
        (_, _) => new AcceptAssignment(), (_, _) => new DeclineAssignment("not ours"),
        (_, _) => new TransferCase("agency-b", "district"), (_, _) => new TransferCase("agency-a", "back"),
        (_, _) => new NoteProgress("đang xử lý"), (_, _) => new RequestInformation("ảnh?"), (_, _) => new ProvideInformation("đây"),
        (_, _) => new ExpireInformationRequest(),
        (s, now) => new GrantExtension((s.EffectiveDueAt ?? now) + Duration.FromDays(2), "contractor"), (_, now) => new GrantExtension(now - Duration.FromDays(400), "x"),
        (s, now) => new IssueApology((s.DueAt ?? now) + Duration.FromDays(3), "late"),
        (s, _) => new RecordDeadline(s.RunningClock?.Timer ?? SlaTimer.Verify, s.RunningClock?.DueAt ?? T0, false),
        (s, _) => new RecordDeadline(s.RunningClock?.Timer ?? SlaTimer.Resolve, s.RunningClock?.DueAt ?? T0, true),
        (_, _) => new ResolveCase("xong", ["p1"]), (_, _) => new ResolveCase("", []),
        (_, _) => new ReturnResolution("chưa sạch"), (_, _) => new RateCase(5, null), (_, _) => new RateCase(9, null),
        (_, _) => new ReopenCase("lại bẩn"), (_, _) => new WithdrawCase("thôi"), (_, _) => new CloseCase("xong"), (_, _) => new ErasePersonalData(),
    ];

    public static Arbitrary<(int Command, int Actor, int Minutes)[]> Steps() =>
        Gen.Choose(0, Commands.Length - 1)
            .SelectMany(c => Gen.Choose(0, Actors.Length - 1).SelectMany(a => Gen.Choose(0, 5000).Select(m => (c, a, m))))
            .ArrayOf().ToArbitrary();

    [Property(Arbitrary = [typeof(DeciderProperties)], MaxTest = 500)]
    public bool Any_sequence_of_commands_never_throws_and_the_version_counts_the_events((int Command, int Actor, int Minutes)[] steps)
    {
        var state = CaseState.Initial(CaseId);
        var folded = 0;
        var now = T0;
        foreach (var (c, a, minutes) in steps)
        {
            now += Duration.FromMinutes(minutes);
            var decision = CaseDecider.Decide(Commands[c](state, now), state, new DecideContext(now, Actors[a], FixedSlaRules.Instance));
            if (decision is Decision.Accept accept)
            {
                state = CaseDecider.Apply(state, accept.Events);
                folded += accept.Events.Count;
            }
            if (state.Version != folded) return false;
        }
        return true;
    }
}
