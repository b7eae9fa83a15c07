using Cases.Domain;
using static Cases.Domain.CaseEvent;

namespace Cases.EventStore;

/// <summary>
/// The stored name of every event type, explicitly: renaming a C# record must never orphan stored events.
/// An unknown alias is an error that names it, never a skipped event (DESIGN 3).
/// </summary>
public static class EventTypes
{
    public static readonly IReadOnlyList<(string Alias, Type Type)> All =
    [
        ("case_received", typeof(CaseReceived)),
        ("case_verified", typeof(CaseVerified)),
        ("case_rejected", typeof(CaseRejected)),
        ("dossier_accepted", typeof(DossierAccepted)),
        ("dossier_refused", typeof(DossierRefused)),
        ("case_classified", typeof(CaseClassified)),
        ("duplicate_linked", typeof(DuplicateLinked)),
        ("case_assigned", typeof(CaseAssigned)),
        ("assignment_accepted", typeof(AssignmentAccepted)),
        ("assignment_declined", typeof(AssignmentDeclined)),
        ("case_transferred", typeof(CaseTransferred)),
        ("progress_noted", typeof(ProgressNoted)),
        ("information_requested", typeof(InformationRequested)),
        ("information_provided", typeof(InformationProvided)),
        ("information_request_expired", typeof(InformationRequestExpired)),
        ("extension_granted", typeof(ExtensionGranted)),
        ("apology_issued", typeof(ApologyIssued)),
        ("deadline_approaching", typeof(DeadlineApproaching)),
        ("deadline_breached", typeof(DeadlineBreached)),
        ("case_resolved", typeof(CaseResolved)),
        ("resolution_returned", typeof(ResolutionReturned)),
        ("case_rated", typeof(CaseRated)),
        ("case_reopened", typeof(CaseReopened)),
        ("case_withdrawn", typeof(CaseWithdrawn)),
        ("case_closed", typeof(CaseClosed)),
        ("personal_data_erased", typeof(PersonalDataErased)),
        ("due_times_recomputed", typeof(DueTimesRecomputed)),
        ("public_summary_set", typeof(PublicSummarySet)),
        ("agency_succeeded", typeof(AgencySucceeded)),
    ];

    static readonly Dictionary<string, Type> ByAlias = All.ToDictionary(x => x.Alias, x => x.Type);
    static readonly Dictionary<Type, string> ByType = All.ToDictionary(x => x.Type, x => x.Alias);

    public static IEnumerable<string> Aliases => ByAlias.Keys;

    /// <summary>
    /// Marten's own bookkeeping, not a case event: when a unit of work fails after drawing sequence numbers (a
    /// same-key race lost, a connection cut by a database restart), Marten fills the numbers with <c>tombstone</c>
    /// events in a stream of its own, so the daemon's high-water mark does not wait on the gap. Readers of case
    /// events skip exactly these; any other unknown alias is still an error.
    /// </summary>
    public const string MartenTombstone = "tombstone";

    public static bool IsMartenTombstone(JasperFx.Events.IEvent e) => e.EventTypeName == MartenTombstone || e.Data is JasperFx.Events.Tombstone;

    public static string AliasOf(CaseEvent e) =>
        ByType.TryGetValue(e.GetType(), out var alias) ? alias
        : throw new InvalidOperationException($"Event type {e.GetType().Name} has no stored alias; add it to EventTypes.");

    public static Type TypeOf(string alias) =>
        ByAlias.TryGetValue(alias, out var type) ? type : throw new UnknownEventTypeException(alias);
}

public sealed class UnknownEventTypeException(string alias)
    : Exception($"Unknown event type alias '{alias}': this build cannot read it.")
{
    public string Alias { get; } = alias;
}
