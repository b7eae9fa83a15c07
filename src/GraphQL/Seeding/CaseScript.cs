using Cases.Domain;
using Cases.EventStore;
using Cases.Sla;
using Cases.Handlers;
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
internal sealed partial class CaseScript(CasePlan plan, SlaRules sla, Guid? id = null)
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
    public CaseState State { get; private set; } = CaseState.Initial(id ?? new Guid(plan.Index + 1, 0, 0, new byte[8]));

    public CaseSubmission Submission => new(
        plan.Kind, plan.Channel, plan.Category, plan.Description, plan.Location, plan.Ward.Name, plan.MediaRefs, plan.Reporter);

    /// <summary>
    /// Every step up to <paramref name="now"/>, each with the status and version the case has after it. A refusal
    /// means the script and the rules disagree: it throws.
    /// </summary>
    public IReadOnlyList<(Step Step, CaseStatus Status, long Version)> Simulate(Instant now) => Run(now, step => step with
    {
        Command = step.Command switch
        {
            SubmitCase s => s with { TrackingCode = "HUE-SIMULATED", ReporterRef = plan.Reporter is null ? null : Guid.Empty },
            LinkDuplicate => new LinkDuplicate(SimulatedMaster),
            var c => c,
        },
    }, null);

    /// <summary>
    /// The whole case as the bulk path writes it, decided here instead of by the handler: the same steps as
    /// <see cref="Simulate"/>, with the real id (given to the constructor), tracking code, reporter reference
    /// and master ids, each event with the metadata the handler would have recorded.
    /// </summary>
    public ImportedCase Record(Instant now, string trackingCode, Guid? reporterRef, Func<int, Guid> idOfCase, string correlationPrefix)
    {
        var events = new List<CaseEvent>();
        var metadata = new List<EventMetadata>();
        var citizen = Citizen with { Id = $"citizen:{trackingCode}" };
        var number = 0;
        Run(now, step => step with
        {
            Actor = step.Actor.Role == Role.Citizen ? citizen : step.Actor,
            Command = step.Command switch
            {
                SubmitCase s => s with { TrackingCode = trackingCode, ReporterRef = reporterRef },
                LinkDuplicate => new LinkDuplicate(idOfCase(step.MasterIndex!.Value)),
                var c => c,
            },
        }, (step, accepted) =>
        {
            var correlation = $"{correlationPrefix}-{plan.Index}-{number++}";
            var meta = new EventMetadata(correlation, null, step.Actor.Id, step.Actor.Role, step.Actor.AgencyId, step.Command.Name);
            foreach (var e in accepted)
            {
                events.Add(e);
                metadata.Add(meta);
            }
        });
        return new ImportedCase(State.Id, events, metadata, reporterRef is null ? null : plan.Reporter);
    }

    IReadOnlyList<(Step Step, CaseStatus Status, long Version)> Run(Instant now, Func<Step, Step> real, Action<Step, IReadOnlyList<CaseEvent>>? accepted)
    {
        var steps = new List<(Step, CaseStatus, long)>();
        while (Next() is { } next && next.At <= now)
        {
            // Whole seconds: the store keeps microseconds, and the handler must see exactly the simulated instant.
            var step = next with { At = Instant.FromUnixTimeSeconds(next.At.ToUnixTimeSeconds()) };
            var sent = real(step);
            State = CaseDecider.Decide(sent.Command, State, new DecideContext(sent.At, sent.Actor, sla)) switch
            {
                Decision.Accept accept => Accepted(accept.Events),
                Decision.Refuse refuse => throw new InvalidOperationException(
                    $"seed: case #{plan.Index} ({plan.Kind}, {plan.Category}) cannot {sent.Command.Name} at {step.At}: {refuse.Error.Code} {refuse.Error.Message}"),
                _ => throw new InvalidOperationException("Unknown decision."), // unreachable: the set is closed
            };
            last = step.At;
            steps.Add((step, State.Status, State.Version));

            CaseState Accepted(IReadOnlyList<CaseEvent> events)
            {
                accepted?.Invoke(sent, events);
                return CaseDecider.Apply(State, events);
            }
        }
        return steps;
    }

    /// <summary>The next command, or null when nothing more happens to this case (it may still be open).</summary>
    Step? Next() => plan.StopAt == State.Status && State.Status != CaseStatus.New ? null : State.Status switch
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
