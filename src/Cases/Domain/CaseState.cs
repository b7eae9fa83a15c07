using System.Collections.Immutable;
using NodaTime;

namespace Cases.Domain;

/// <summary>
/// A case as its events leave it: the fold of <see cref="Evolve"/> over the stream. <see cref="Version"/>
/// always equals the number of events folded. The per-cycle fields (due times, resolution, rating) are
/// reset when a report is reopened; earlier cycles' results stay in the events.
/// </summary>
public sealed record CaseState
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public CaseStatus Status { get; init; } = CaseStatus.New;
    public CaseKind Kind { get; init; }
    public string TrackingCode { get; init; } = "";
    public Channel Channel { get; init; }
    public string Category { get; init; } = "";
    public Priority Priority { get; init; }
    public string Ward { get; init; } = "";

    /// <summary>The citizen's own words, kept for the default public summary (masked) at verification.</summary>
    public string Description { get; init; } = "";
    public bool Confidential { get; init; }
    public Guid? ReporterRef { get; init; }
    public bool PersonalDataErased { get; init; }
    public Guid? MasterId { get; init; }
    public int Cycle { get; init; } = 1;

    public Instant? ReceivedAt { get; init; }
    public Instant? VerifyDueAt { get; init; }
    public Instant? VerifiedAt { get; init; }

    public string? LeadAgency { get; init; }
    public ImmutableArray<string> SupportingAgencies { get; init; } = [];
    public Instant? AcceptDueAt { get; init; }

    /// <summary>The main clock's due time: resolution for a report, the statutory time for a dossier.</summary>
    public Instant? DueAt { get; init; }
    public Instant? ExtendedDueAt { get; init; }
    public bool ApologyIssued { get; init; }
    public Instant? ApologyDueAt { get; init; }

    public Instant? PausedAt { get; init; }
    public CaseStatus ResumeStatus { get; init; }
    public Instant? InformationReplyDueAt { get; init; }

    public Instant? ResolvedAt { get; init; }
    public bool? OnTime { get; init; }
    public string? PublicAnswer { get; init; }
    public int? Rating { get; init; }

    /// <summary>The calendar version of the last event that computed a due time: what a recompute re-measures with.</summary>
    public string CalendarVersion { get; init; } = "";

    /// <summary>Deadline events already recorded, as "timer@due:kind", so the scheduler's retries append once.</summary>
    public ImmutableHashSet<string> DeadlineMarks { get; init; } = [];

    public static CaseState Initial(Guid id) => new() { Id = id };

    /// <summary>The due time lateness is judged by: an approved extension replaces the original, an apology does not.</summary>
    public Instant? EffectiveDueAt => ExtendedDueAt ?? DueAt;

    public bool IsFinal => Status is CaseStatus.Closed or CaseStatus.Rejected or CaseStatus.Duplicate or CaseStatus.Withdrawn;

    /// <summary>The clock running now, if any (none while waiting for the citizen or once stopped).</summary>
    public (SlaTimer Timer, Instant DueAt)? RunningClock => Status switch
    {
        CaseStatus.Received when Kind == CaseKind.FieldReport && VerifyDueAt is { } v => (SlaTimer.Verify, v),
        CaseStatus.Verified or CaseStatus.Assigned or CaseStatus.InProgress when EffectiveDueAt is { } d =>
            (Kind == CaseKind.Dossier ? SlaTimer.Statutory : SlaTimer.Resolve, Kind == CaseKind.Dossier ? DueAt!.Value : d),
        _ => null,
    };

    public PublicStatus PublicStatus => Status switch
    {
        CaseStatus.New or CaseStatus.Received => PublicStatus.Received,
        CaseStatus.Verified => PublicStatus.Verified,
        CaseStatus.Assigned or CaseStatus.InProgress => PublicStatus.InProgress,
        CaseStatus.WaitingForCitizen => PublicStatus.WaitingForCitizen,
        CaseStatus.Resolved => PublicStatus.Resolved,
        CaseStatus.Rejected => PublicStatus.Rejected,
        _ => PublicStatus.Closed,
    };

    internal static string Mark(SlaTimer timer, Instant due, bool breached) => $"{timer}@{due}:{(breached ? "breached" : "approaching")}";

    /// <summary>Evolve: pure, total, never throws. An event that does not fit the state still only moves the version.</summary>
    public static CaseState Evolve(CaseState s, CaseEvent e)
    {
        var next = s with { Version = s.Version + 1 };
        return e switch
        {
            CaseEvent.CaseReceived r => next with
            {
                Status = CaseStatus.Received, Kind = r.Kind, TrackingCode = r.TrackingCode, Channel = r.Channel,
                Category = r.Category, Ward = r.Ward, Description = r.Description, ReporterRef = r.ReporterRef, Confidential = r.Confidential,
                ReceivedAt = r.At, VerifyDueAt = r.VerifyDueAt, CalendarVersion = r.CalendarVersion,
            },
            CaseEvent.CaseVerified v => next with { Status = CaseStatus.Verified, VerifiedAt = v.At },
            CaseEvent.CaseRejected or CaseEvent.DossierRefused => next with { Status = CaseStatus.Rejected },
            CaseEvent.DossierAccepted a => next with
            {
                Status = CaseStatus.Verified, VerifiedAt = a.At, DueAt = a.DueAt, CalendarVersion = a.CalendarVersion,
            },
            CaseEvent.CaseClassified c => next with { Category = c.Category, Priority = c.Priority, Ward = c.Ward },
            CaseEvent.DuplicateLinked d => next with { Status = CaseStatus.Duplicate, MasterId = d.MasterId },
            CaseEvent.CaseAssigned a => next with
            {
                Status = CaseStatus.Assigned, LeadAgency = a.LeadAgency, SupportingAgencies = [.. a.SupportingAgencies],
                DueAt = a.DueAt, AcceptDueAt = a.AcceptDueAt, CalendarVersion = a.CalendarVersion,
            },
            CaseEvent.AssignmentAccepted => next with { Status = CaseStatus.InProgress },
            CaseEvent.AssignmentDeclined => next with { Status = CaseStatus.Verified, LeadAgency = null, SupportingAgencies = [] },
            CaseEvent.CaseTransferred t => next with { Status = CaseStatus.Assigned, LeadAgency = t.ToAgency },
            CaseEvent.ProgressNoted => next,
            CaseEvent.InformationRequested q => next with
            {
                ResumeStatus = s.Status, Status = CaseStatus.WaitingForCitizen, PausedAt = q.At, InformationReplyDueAt = q.ReplyDueAt,
            },
            CaseEvent.InformationProvided p => (p.Timer == SlaTimer.Verify
                ? next with { VerifyDueAt = p.DueAt }
                : p.Timer is null ? next : next with { DueAt = p.DueAt, ExtendedDueAt = p.ExtendedDueAt })
                with { Status = s.ResumeStatus, PausedAt = null, InformationReplyDueAt = null, CalendarVersion = p.CalendarVersion },
            CaseEvent.InformationRequestExpired => next with { Status = CaseStatus.Closed, PausedAt = null },
            CaseEvent.ExtensionGranted x => next with { ExtendedDueAt = x.NewDueAt },
            CaseEvent.ApologyIssued a => next with { ApologyIssued = true, ApologyDueAt = a.NewDueAt },
            CaseEvent.DeadlineApproaching d => next with { DeadlineMarks = s.DeadlineMarks.Add(Mark(d.Timer, d.DueAt, false)) },
            CaseEvent.DeadlineBreached d => next with { DeadlineMarks = s.DeadlineMarks.Add(Mark(d.Timer, d.DueAt, true)) },
            CaseEvent.CaseResolved r => next with
            {
                Status = CaseStatus.Resolved, ResolvedAt = r.At, OnTime = r.OnTime, PublicAnswer = r.PublicAnswer,
            },
            CaseEvent.ResolutionReturned => next with { Status = CaseStatus.InProgress, ResolvedAt = null, OnTime = null, PublicAnswer = null },
            CaseEvent.CaseRated r => next with { Rating = r.Score },
            CaseEvent.CaseReopened => next with
            {
                Status = CaseStatus.Verified, Cycle = s.Cycle + 1, LeadAgency = null, SupportingAgencies = [],
                DueAt = null, ExtendedDueAt = null, AcceptDueAt = null, ResolvedAt = null, OnTime = null,
                PublicAnswer = null, Rating = null,
            },
            CaseEvent.CaseWithdrawn => next with { Status = CaseStatus.Withdrawn },
            CaseEvent.CaseClosed => next with { Status = CaseStatus.Closed },
            CaseEvent.PersonalDataErased => next with { PersonalDataErased = true },
            CaseEvent.AgencySucceeded a => next with
            {
                LeadAgency = s.LeadAgency == a.FromAgency ? a.ToAgency : s.LeadAgency,
                SupportingAgencies = [.. s.SupportingAgencies.Select(x => x == a.FromAgency ? a.ToAgency : x).Distinct()
                    .Where(x => x != (s.LeadAgency == a.FromAgency ? a.ToAgency : s.LeadAgency))],
            },
            CaseEvent.DueTimesRecomputed d => d.Changes.Aggregate(next with { CalendarVersion = d.CalendarVersion }, (state, c) => c.Clock switch
            {
                DueClock.Verify => state with { VerifyDueAt = c.NewDueAt },
                DueClock.Accept => state with { AcceptDueAt = c.NewDueAt },
                DueClock.InformationReply => state with { InformationReplyDueAt = c.NewDueAt },
                _ => state with { DueAt = c.NewDueAt },
            }),
            _ => next,
        };
    }

    public static CaseState Fold(Guid id, IEnumerable<CaseEvent> events) => events.Aggregate(Initial(id), Evolve);
}
