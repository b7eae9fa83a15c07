namespace Cases.Notifications;

// English: a kind without a sentence here falls back to Vietnamese.
public static partial class NotificationTemplates
{
    static string? EnSubject(string kind, string code) => kind switch
    {
        NotificationKinds.Received => $"Report {code} received",
        NotificationKinds.Verified => $"Report {code} verified",
        NotificationKinds.Rejected => $"Report {code} was not accepted",
        NotificationKinds.Merged => $"Report {code} merged with another report",
        NotificationKinds.Assigned => $"Report {code} assigned",
        NotificationKinds.InformationRequested => $"Report {code}: more information needed",
        NotificationKinds.Resolved => $"Report {code} resolved",
        NotificationKinds.Reopened => $"Report {code} reopened",
        NotificationKinds.Closed => $"Report {code} closed",
        NotificationKinds.RatingReminder => $"Report {code}: is it fixed?",
        _ => null,
    };

    static string? En(UpdateLine l) => l.Kind switch
    {
        NotificationKinds.Received => $"The center received your report, tracking code {V(l, "code")}. Keep this link to add information, rate or reopen it: {V(l, "link")}",
        NotificationKinds.Verified => $"Report {V(l, "code")} was verified and will be assigned to an agency.",
        NotificationKinds.Rejected => $"Report {V(l, "code")} was not accepted. Reason: {V(l, "reason")}",
        NotificationKinds.Merged => $"Report {V(l, "code")} duplicates report {V(l, "master")}; you can follow that one.",
        NotificationKinds.Assigned => $"Report {V(l, "code")} was assigned to {V(l, "agency")}.",
        NotificationKinds.InformationRequested => $"The agency needs more information: \"{V(l, "question")}\". Answer on the case page with your secret: {V(l, "link")}",
        NotificationKinds.Resolved => $"Report {V(l, "code")} was resolved: \"{V(l, "answer")}\". Please rate the result: {V(l, "link")}",
        NotificationKinds.Reopened => $"Report {V(l, "code")} was reopened.",
        NotificationKinds.Closed => $"Report {V(l, "code")} was closed. {V(l, "reason")}",
        NotificationKinds.RatingReminder => $"Report {V(l, "code")} was marked resolved. Is it fixed? Rate it here: {V(l, "link")}",
        _ => null,
    };
}
