using Cases.Domain;
using Cases.Sla;
using Cases.Workflow;
using NodaTime;
using static Cases.Domain.CaseCommand;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// Plays one <see cref="CasePlan"/> forward: given the case as it stands, says what the next command is, who
/// sends it and when. Operators and agencies act in working time, within the due times the events carry;
/// citizens answer and rate at any waking hour. <see cref="Simulate"/> runs the whole lifecycle through the
/// pure decider first (the same rules the handler uses), so every step and its instant are known before
/// anything is written, and the handler's outcomes can be checked against it. Timing draws from the case's own
/// random source: the order in which cases interleave never changes what happens to any of them.
/// </summary>
internal sealed partial class CaseScript(CasePlan plan, SlaRules sla)
{
    /// <summary>Stands for the master's id while simulating; the runner links the real one.</summary>
    static readonly Guid SimulatedMaster = new("00000000-0000-0000-0000-00000000000d");

    readonly WorkingCalendar calendar = sla.Calendar;
    readonly Random rng = new(plan.TimingSeed);
    bool askedBeforeVerification, classified, declined, transferred, askedByAgency, extended, apologised, returned, reopened;
    int notes, ratedCycle;

    /// <summary>The instant of the last step; the next one is always later.</summary>
    Instant last;

    public CasePlan Plan => plan;

    /// <summary>The case as the simulation leaves it.</summary>
    public CaseState State { get; private set; } = CaseState.Initial(new Guid(plan.Index + 1, 0, 0, new byte[8]));

    public CaseSubmission Submission => new(
        plan.Kind, plan.Channel, plan.Category, plan.Description, plan.Location, plan.Ward.Name, plan.MediaRefs, plan.Reporter);

    /// <summary>
    /// Every step up to <paramref name="now"/>, each with the status and version the case has after it. A refusal
    /// means the script and the rules disagree: it throws.
    /// </summary>
    public IReadOnlyList<(Step Step, CaseStatus Status, long Version)> Simulate(Instant now)
    {
        var steps = new List<(Step, CaseStatus, long)>();
        while (Next() is { } next && next.At <= now)
        {
            // Whole seconds: the store keeps microseconds, and the handler must see exactly the simulated instant.
            var step = next with { At = Instant.FromUnixTimeSeconds(next.At.ToUnixTimeSeconds()) };
            var command = step.Command switch
            {
                SubmitCase s => s with { TrackingCode = "HUE-SIMULATED", ReporterRef = plan.Reporter is null ? null : Guid.Empty },
                LinkDuplicate => new LinkDuplicate(SimulatedMaster),
                var c => c,
            };
            State = CaseDecider.Decide(command, State, new DecideContext(step.At, step.Actor, sla)) switch
            {
                Decision.Accept accept => CaseDecider.Apply(State, accept.Events),
                Decision.Refuse refuse => throw new InvalidOperationException(
                    $"seed: case #{plan.Index} ({plan.Kind}, {plan.Category}) cannot {command.Name} at {step.At}: {refuse.Error.Code} {refuse.Error.Message}"),
                _ => throw new InvalidOperationException("Unknown decision."), // unreachable: the set is closed
            };
            last = step.At;
            steps.Add((step, State.Status, State.Version));
        }
        return steps;
    }

    /// <summary>The next command, or null when nothing more happens to this case (it may still be open).</summary>
    Step? Next() => State.Status switch
    {
        CaseStatus.New => new Step(plan.ReceivedAt, Submitter(), new SubmitCase(
            plan.Kind, plan.Channel, plan.Category, plan.Description, plan.Location, plan.Ward.Name, plan.MediaRefs, "", null)),
        CaseStatus.Received => AtReception(),
        CaseStatus.WaitingForCitizen => Answer(),
        CaseStatus.Verified => plan.Kind == CaseKind.FieldReport && State.Cycle == 1 && !classified ? Classify() : Assign(),
        CaseStatus.Assigned => AcceptOrDecline(),
        CaseStatus.InProgress => Work(),
        CaseStatus.Resolved => AfterResolution(),
        _ => null,
    };

    Actor Submitter() => plan.Channel switch
    {
        Channel.App or Channel.Web => Public,
        Channel.Desk => Desk(),
        _ => Operator(), // the IOC takes hotline calls and social-media posts down itself
    };

    static readonly Actor Public = new("public:seed", Role.Public);

    /// <summary>The citizen holding the case; the runner names them by the real tracking code.</summary>
    public static readonly Actor Citizen = new("citizen", Role.Citizen);

    Actor Operator() => new($"seed:operator-{rng.Next(1, 13):D2}", Role.Operator);
    Actor Desk() => new($"seed:desk-{rng.Next(1, 7):D2}", Role.Operator);
    Actor Center() => plan.Kind == CaseKind.Dossier ? Desk() : Operator();
    static Actor Staff(string agency) => new($"seed:staff@{agency}", Role.Agency, agency);

    static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
    double Between(double min, double max) => min + rng.NextDouble() * (max - min);
}
