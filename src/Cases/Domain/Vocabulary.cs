namespace Cases.Domain;

/// <summary>Field report (R) or administrative-procedure dossier (D): DESIGN 0.</summary>
public enum CaseKind { FieldReport, Dossier }

/// <summary>Where a case came in. <c>Open311</c>: a partner system (a 311 desk, an aggregator, another reporting app) through Open311 GeoReport v2.</summary>
public enum Channel { App, Web, Hotline, Social, Desk, Open311 }

public enum Priority { Normal, Urgent }

/// <summary>Who acts: DESIGN 7. <c>System</c> is the scheduler acting on deadlines. <c>Partner</c> is a system that submits on
/// citizens' behalf (Open311 or GraphQL) and reads public views, nothing else.</summary>
public enum Role { Public, Citizen, Operator, Agency, Auditor, Admin, System, Partner }

/// <summary>The clocks a case runs (DESIGN 2.2): verification of a report, resolution of a report,
/// the statutory processing time of a dossier.</summary>
public enum SlaTimer { Verify, Resolve, Statutory }

/// <summary>The due times a calendar computes, as a recompute names them: <see cref="SlaTimer"/>'s clocks plus the
/// agency's time to accept an assignment and the citizen's time to answer a request for information.</summary>
public enum DueClock { Verify, Accept, Resolve, Statutory, InformationReply }

/// <summary>What a request for information does to the running clock (DESIGN 2.4).</summary>
public enum InformationRequestEffect { Pause, Restart }

/// <summary>The detailed internal state. The public sees the coarser <see cref="PublicStatus"/>.</summary>
public enum CaseStatus
{
    New,
    Received,
    Verified,
    Assigned,
    InProgress,
    WaitingForCitizen,
    Resolved,
    Closed,
    Rejected,
    Duplicate,
    Withdrawn,
}

/// <summary>What the transparency site shows (DESIGN 2.3).</summary>
public enum PublicStatus { Received, Verified, InProgress, WaitingForCitizen, Resolved, Closed, Rejected }

/// <summary>A point given by the reporter. Coordinates are WGS84 degrees.</summary>
public sealed record GeoPoint(double Latitude, double Longitude);

/// <summary>Who issued a command. Never the reporter's identity: a citizen is known by the case they hold.</summary>
public sealed record Actor(string Id, Role Role, string? AgencyId = null)
{
    public static readonly Actor Scheduler = new("scheduler", Role.System);
}
