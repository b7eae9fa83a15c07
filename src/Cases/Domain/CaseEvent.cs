using NodaTime;

namespace Cases.Domain;

/// <summary>
/// Everything that can happen to a case (DESIGN 2.2), a closed set. Events hold data only; each carries
/// the instant it happened. Every event that starts or moves a clock carries the due time it computed and
/// the policy and calendar versions it used, so a replay never recomputes history.
/// Stored names come from <see cref="EventStore.EventTypes"/>, never from the CLR name.
/// </summary>
public abstract record CaseEvent(Instant At)
{
    public sealed record CaseReceived(
        Instant At, CaseKind Kind, string TrackingCode, Channel Channel, string Category, string Description,
        GeoPoint? Location, string Ward, IReadOnlyList<string> MediaRefs, Guid? ReporterRef, bool Confidential,
        Instant? VerifyDueAt, string PolicyVersion, string CalendarVersion) : CaseEvent(At)
    {
        /// <summary>The partner system that submitted it on a citizen's behalf (its API key's id, <c>key:…</c>); null otherwise.
        /// Left out of the stored JSON when null, so events from before it existed keep their bytes and hashes.</summary>
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? Client { get; init; }
    }

    public sealed record CaseVerified(Instant At, string? Note) : CaseEvent(At);

    /// <summary>What the public reads of a report: set at verification, editable by the center afterwards.</summary>
    public sealed record PublicSummarySet(Instant At, string Summary) : CaseEvent(At);
    public sealed record CaseRejected(Instant At, string Reason) : CaseEvent(At);
    public sealed record DossierAccepted(Instant At, Instant DueAt, string PolicyVersion, string CalendarVersion) : CaseEvent(At);
    public sealed record DossierRefused(Instant At, string Reason) : CaseEvent(At);
    public sealed record CaseClassified(Instant At, string Category, Priority Priority, string Ward) : CaseEvent(At);
    public sealed record DuplicateLinked(Instant At, Guid MasterId) : CaseEvent(At);

    public sealed record CaseAssigned(
        Instant At, string LeadAgency, IReadOnlyList<string> SupportingAgencies, Instant DueAt, Instant AcceptDueAt,
        string PolicyVersion, string CalendarVersion) : CaseEvent(At);

    public sealed record AssignmentAccepted(Instant At, string Agency) : CaseEvent(At);
    public sealed record AssignmentDeclined(Instant At, string Agency, string Reason) : CaseEvent(At);
    public sealed record CaseTransferred(Instant At, string FromAgency, string ToAgency, string Reason) : CaseEvent(At);
    public sealed record ProgressNoted(Instant At, string Agency, string PublicText) : CaseEvent(At)
    {
        /// <summary>
        /// Photos of the work under way. An init property, so notes stored before it read as none; the chain still
        /// verifies, since a hash covers the jsonb as stored, not as it would be written today.
        /// </summary>
        public IReadOnlyList<string> MediaRefs { get; init; } = [];
    }

    public sealed record InformationRequested(Instant At, string Question, Instant ReplyDueAt) : CaseEvent(At);

    /// <summary>Resumes (or, by policy, restarts) the clock the request paused: <c>Timer</c> is that clock,
    /// <c>DueAt</c> and <c>ExtendedDueAt</c> its new due times (null when no clock was running).</summary>
    public sealed record InformationProvided(
        Instant At, string Text, InformationRequestEffect Effect, SlaTimer? Timer, Instant? DueAt, Instant? ExtendedDueAt,
        string PolicyVersion, string CalendarVersion) : CaseEvent(At)
    {
        /// <summary>Photos the citizen added to the answer. An init property, so events stored before it read as none.</summary>
        public IReadOnlyList<string> MediaRefs { get; init; } = [];
    }

    public sealed record InformationRequestExpired(Instant At) : CaseEvent(At);
    public sealed record ExtensionGranted(Instant At, Instant NewDueAt, string Reason) : CaseEvent(At);

    /// <summary>The apology a late dossier legally requires. It does not stop the clock: the case still counts late.</summary>
    public sealed record ApologyIssued(Instant At, Instant NewDueAt, string Reason) : CaseEvent(At);

    public sealed record DeadlineApproaching(Instant At, SlaTimer Timer, Instant DueAt) : CaseEvent(At);
    public sealed record DeadlineBreached(Instant At, SlaTimer Timer, Instant DueAt) : CaseEvent(At);

    /// <summary>Stops the clock and fixes the result: <c>OnTime</c> compares <c>At</c> with <c>EffectiveDueAt</c>.</summary>
    public sealed record CaseResolved(
        Instant At, string Agency, string PublicAnswer, IReadOnlyList<string> EvidenceRefs, Instant EffectiveDueAt, bool OnTime) : CaseEvent(At);

    public sealed record ResolutionReturned(Instant At, string Reason) : CaseEvent(At);
    public sealed record CaseRated(Instant At, int Score, string? Comment, bool Satisfied) : CaseEvent(At);
    public sealed record CaseReopened(Instant At, string Reason) : CaseEvent(At);
    public sealed record CaseWithdrawn(Instant At, string Reason) : CaseEvent(At);
    public sealed record CaseClosed(Instant At, string Reason) : CaseEvent(At);
    public sealed record PersonalDataErased(Instant At) : CaseEvent(At);

    /// <summary>
    /// The admin re-measured the case's open due times with a newly imported calendar: each change with its old
    /// and new due time, the reason, and the calendar versions before and after.
    /// </summary>
    public sealed record DueTimesRecomputed(
        Instant At, string Reason, IReadOnlyList<RecomputedDue> Changes, string FromCalendarVersion,
        string PolicyVersion, string CalendarVersion) : CaseEvent(At);

    /// <summary>
    /// A reform of the administration (issue 24) ended <see cref="FromAgency"/>, and <see cref="ToAgency"/> succeeds it
    /// in law: the case is now with the successor, in the same status with the same due times. Not a transfer: nobody
    /// decided about this case, no new acceptance is needed, and the statistics do not count it as a hand-over.
    /// </summary>
    public sealed record AgencySucceeded(Instant At, string FromAgency, string ToAgency, string MapVersion, string LegalBasis) : CaseEvent(At);
}

/// <summary>One due time a recompute moved.</summary>
public sealed record RecomputedDue(DueClock Clock, Instant OldDueAt, Instant NewDueAt);
