using NodaTime;

namespace Cases.Domain;

/// <summary>
/// What an actor asks of a case, a closed set named in the imperative. Commands carry no time and no
/// generated ids: the instant, the actor and looked-up facts arrive in <see cref="DecideContext"/>,
/// and the tracking code and reporter ref of a submission are filled in by the handler before deciding.
/// </summary>
public abstract record CaseCommand
{
    public sealed record SubmitCase(
        CaseKind Kind, Channel Channel, string Category, string Description, GeoPoint? Location, string Ward,
        IReadOnlyList<string> MediaRefs, string TrackingCode, Guid? ReporterRef) : CaseCommand
    {
        /// <summary>The partner system submitting on a citizen's behalf, named on <c>CaseReceived</c>.</summary>
        public string? Client { get; init; }
    }

    /// <summary>
    /// Verifies a report, or accepts a dossier at the one-stop desk (starting its statutory clock). A report's
    /// public summary is set at the same time: the operator's text, or the citizen's description with contact
    /// details masked (<see cref="ContactRedaction"/>).
    /// </summary>
    public sealed record VerifyCase(string? Note, string? PublicSummary = null) : CaseCommand;

    /// <summary>The operator edits a verified report's public summary (to take out a name, a phone number, an address).</summary>
    public sealed record SetPublicSummary(string Summary) : CaseCommand;

    /// <summary>Rejects a report at verification, or refuses a dossier.</summary>
    public sealed record RejectCase(string Reason) : CaseCommand;

    public sealed record ClassifyCase(string Category, Priority Priority, string Ward) : CaseCommand;
    public sealed record LinkDuplicate(Guid MasterId) : CaseCommand
    {
        /// <summary>When the master case was received (looked up by the caller): a report is merged into an older one, never a newer.</summary>
        public Instant? MasterReceivedAt { get; init; }
    }
    public sealed record AssignCase(string LeadAgency, IReadOnlyList<string> SupportingAgencies) : CaseCommand;
    public sealed record AcceptAssignment : CaseCommand;
    public sealed record DeclineAssignment(string Reason) : CaseCommand;
    public sealed record TransferCase(string ToAgency, string Reason) : CaseCommand;
    public sealed record NoteProgress(string PublicText) : CaseCommand
    {
        /// <summary>Photos of the work under way (uploaded media ids).</summary>
        public IReadOnlyList<string> MediaRefs { get; init; } = [];
    }
    public sealed record RequestInformation(string Question) : CaseCommand;
    public sealed record ProvideInformation(string Text) : CaseCommand
    {
        /// <summary>Photos the citizen adds to the answer (uploaded media ids).</summary>
        public IReadOnlyList<string> MediaRefs { get; init; } = [];
    }
    public sealed record ExpireInformationRequest : CaseCommand;
    public sealed record GrantExtension(Instant NewDueAt, string Reason) : CaseCommand;
    public sealed record IssueApology(Instant NewDueAt, string Reason) : CaseCommand;

    /// <summary>Sent by the scheduler when a clock's warning or due time arrives; a no-op if the clock has moved.</summary>
    public sealed record RecordDeadline(SlaTimer Timer, Instant DueAt, bool Breached) : CaseCommand;

    public sealed record ResolveCase(string PublicAnswer, IReadOnlyList<string> EvidenceRefs) : CaseCommand;
    public sealed record ReturnResolution(string Reason) : CaseCommand;
    public sealed record RateCase(int Score, string? Comment) : CaseCommand;
    public sealed record ReopenCase(string Reason) : CaseCommand;
    public sealed record WithdrawCase(string Reason) : CaseCommand;
    public sealed record CloseCase(string Reason) : CaseCommand;
    public sealed record ErasePersonalData : CaseCommand;

    /// <summary>Re-measures the case's open due times with the calendar now in force (after an import), giving the reason.</summary>
    public sealed record RecomputeDueTimes(string Reason) : CaseCommand;

    /// <summary>A map version ended <paramref name="FromAgency"/>: the case moves to its successor (issue 24). A no-op for a case not with it.</summary>
    public sealed record SucceedAgency(string FromAgency, string ToAgency, string MapVersion, string LegalBasis) : CaseCommand;

    /// <summary>The command's public name, as the API and the logs know it (<c>assignCase</c>).</summary>
    public string Name => char.ToLowerInvariant(GetType().Name[0]) + GetType().Name[1..];
}
