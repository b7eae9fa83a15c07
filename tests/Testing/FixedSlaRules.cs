using Cases.Domain;
using NodaTime;

namespace Cases.Testing;

/// <summary>
/// Plain SLA rules for tests that are not about the calendar: every limit is elapsed time, so a test can
/// see a due time by adding hours. The real working-time rules live in src/Cases/Sla.
/// </summary>
public sealed class FixedSlaRules : ISlaRules
{
    public static readonly FixedSlaRules Instance = new();

    public static readonly Duration Verify = Duration.FromHours(4), Accept = Duration.FromHours(2),
        Resolve = Duration.FromHours(40), Statutory = Duration.FromDays(10), Reply = Duration.FromDays(5);

    public InformationRequestEffect Effect { get; init; } = InformationRequestEffect.Pause;

    public string PolicyVersion => "test-1";
    public string CalendarVersion { get; init; } = "elapsed-time";

    /// <summary>How much later a due time computed with another calendar version comes out when recomputed.</summary>
    public Duration RecomputeShift { get; init; } = Duration.Zero;
    public bool IsKnownCategory(CaseKind kind, string category) =>
        kind == CaseKind.FieldReport ? category is "sanitation_environment" or "traffic_infrastructure" or "official_misconduct"
        : category is "construction_permit" or "birth_registration";
    public Instant VerifyDue(string category, Instant receivedAt) => receivedAt + Verify;
    public Instant AcceptDue(CaseKind kind, string category, Instant assignedAt) => assignedAt + Accept;
    public Instant ResolveDue(string category, Priority priority, Instant assignedAt) => assignedAt + Resolve;
    public Instant StatutoryDue(string procedure, Instant acceptedAt) => acceptedAt + Statutory;
    public Instant InformationReplyDue(Instant requestedAt) => requestedAt + Reply;
    public InformationRequestEffect OnInformationRequest(CaseKind kind, string category) => Effect;
    /// <summary>At 80 % of the time allowed, like most real policies.</summary>
    public Instant DeadlineWarningAt(CaseKind kind, string category, Instant from, Instant due) => from + (due - from) * 0.8;
    public Instant ExtendByPause(Instant due, Instant pausedAt, Instant resumedAt) => due + (resumedAt - pausedAt);
    public Instant RecomputeDue(Instant due, Instant from, string computedWith) =>
        computedWith == CalendarVersion || due <= from ? due : due + RecomputeShift;
}
