using Cases.Domain;
using Cases.Sla;
using Cases.Workflow;
using NodaTime;
using static Cases.Domain.CaseCommand;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// One command of a demo case: who sends it and when. <see cref="MasterIndex"/> marks a
/// <see cref="LinkDuplicate"/> whose master id is only known once that earlier case was submitted.
/// </summary>
public sealed record Step(Instant At, Actor Actor, CaseCommand Command, int? MasterIndex = null);

/// <summary>
/// Plays one <see cref="CasePlan"/> against the real workflow: given the case as the handler last returned it,
/// says what the next command is, who sends it and when. Operators and agencies act in working time, within
/// the due times the events carry; citizens answer and rate at any waking hour. Timing draws from the case's
/// own random source, so the order in which cases interleave never changes what happens to any of them.
/// </summary>
public sealed partial class CaseScript(CasePlan plan, WorkingCalendar calendar)
{
    static readonly Actor Public = new("public:seed", Role.Public);

    readonly Random rng = new(plan.TimingSeed);
    bool askedBeforeVerification, classified, declined, transferred, askedByAgency, extended, apologised, returned, reopened;
    int notes, ratedCycle;

    public CasePlan Plan => plan;
    public CaseState State { get; private set; } = CaseState.Initial(Guid.Empty);

    /// <summary>Every event this script's commands appended, in order.</summary>
    public List<CaseEvent> Events { get; } = [];

    /// <summary>The instant of the last command sent; the next one is always later.</summary>
    Instant last;

    public CaseSubmission Submission => new(
        plan.Kind, plan.Channel, plan.Category, plan.Description, plan.Location, plan.Ward.Name, plan.MediaRefs, plan.Reporter);

    /// <summary>Takes in what the handler returned for <paramref name="step"/>.</summary>
    public void Record(Step step, CommandOutcome.Done done)
    {
        State = done.State;
        Events.AddRange(done.NewEvents);
        last = step.At;
    }

    /// <summary>The next command, or null when nothing more happens to this case (it may still be open).</summary>
    public Step? Next() => State.Status switch
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

    Actor Operator() => new($"seed:operator-{rng.Next(1, 13):D2}", Role.Operator);
    Actor Desk() => new($"seed:desk-{rng.Next(1, 7):D2}", Role.Operator);
    Actor Center() => plan.Kind == CaseKind.Dossier ? Desk() : Operator();
    Actor Citizen() => new($"citizen:{State.TrackingCode}", Role.Citizen);
    static Actor Staff(string agency) => new($"seed:staff@{agency}", Role.Agency, agency);

    static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
    double Between(double min, double max) => min + rng.NextDouble() * (max - min);
}
