namespace Cases.Notifications;

// The messages planning sends through Wolverine's outbox. Ids only (issue 22, the path): the contact is read from
// cases.reporters when the message is handled, so an erased reporter gets nothing and Wolverine's tables never hold
// an address.

/// <summary>Tell the reporter of the case's updates up to <c>Version</c> (coalesced: a later update's message carries this one).</summary>
public sealed record NotifyReporter(Guid CaseId, long Version);

/// <summary>"Is it fixed?": once, if the resolution at <c>ResolvedVersion</c> is still unrated and not reopened.</summary>
public sealed record RemindToRate(Guid CaseId, long ResolvedVersion);

/// <summary>Tell an agency at once: a case assigned (or transferred) to it, or returned to it for rework.</summary>
public sealed record NotifyAgency(Guid CaseId, long Version, string Agency, string Kind);

/// <summary>Tell the center's on-duty address of a report in an urgent category.</summary>
public sealed record NotifyOnDuty(Guid CaseId, long Version);
