using Cases.Domain;

namespace Cases.Notifications;

/// <summary>Which events the reporter is told of, under which template kind (issue 22, part 1). An explicit list.</summary>
public static class NotificationKinds
{
    public const string Received = "received", Verified = "verified", Rejected = "rejected", Merged = "merged",
        Assigned = "assigned", InformationRequested = "information_requested", Resolved = "resolved", Reopened = "reopened",
        Closed = "closed", RatingReminder = "rating_reminder", AgencyAssigned = "agency_assigned", AgencyReturned = "agency_returned",
        Urgent = "urgent", Digest = "digest";

    /// <summary>The reporter's kind for an event, or null when the reporter is not told of it.</summary>
    public static string? ForReporter(CaseEvent e) => e switch
    {
        CaseEvent.CaseReceived => Received,
        CaseEvent.CaseVerified or CaseEvent.DossierAccepted => Verified,
        CaseEvent.CaseRejected or CaseEvent.DossierRefused => Rejected,
        CaseEvent.DuplicateLinked => Merged,
        CaseEvent.CaseAssigned => Assigned,
        CaseEvent.InformationRequested => InformationRequested,
        CaseEvent.CaseResolved => Resolved,
        CaseEvent.CaseReopened => Reopened,
        CaseEvent.CaseClosed or CaseEvent.CaseWithdrawn => Closed,
        _ => null,
    };
}
