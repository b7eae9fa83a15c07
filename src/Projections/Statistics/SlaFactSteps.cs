using Cases.Domain;
using Cases.EventStore;
using Cases.Projections.Daemon;
using Cases.Sla;
using NodaTime;
using static Cases.Domain.CaseEvent;

namespace Cases.Projections.Statistics;

/// <summary>
/// How each event moves a case's SLA facts (DESIGN 2.2's clock column). Due times and the on-time result come
/// from the events, never recomputed; only the durations are measured here, in the province's standard working
/// time (<see cref="WorkingCalendar.WorkingTimeBetween"/>), from the start of the cycle (receipt, or reopening):
/// time to verify (to verification, rejection, or a dossier's acceptance or refusal), to assign (to the cycle's
/// first assignment), to resolve. Time waiting for the citizen is included in them and also recorded apart.
/// </summary>
internal sealed class SlaFactSteps(WorkingCalendar calendar)
{
    long Working(Instant from, Instant to) => (long)calendar.WorkingTimeBetween(from, to).TotalSeconds;

    public static SlaFactRow Start(StoredEvent e, CaseReceived r) => new()
    {
        CaseId = e.StreamId, TrackingCode = r.TrackingCode, Kind = Names.Snake(r.Kind), Category = r.Category, Ward = r.Ward,
        Channel = Names.Snake(r.Channel), Priority = Names.Snake(Priority.Normal),
        Confidential = r.Confidential || r.Category == CaseDecider.MisconductCategory,
        ReceivedAt = r.At, CycleStartedAt = r.At, VerifyDueAt = r.VerifyDueAt, Version = e.Version,
    };

    /// <summary>The current cycle's row after the event; a reopening returns the new cycle's row (the old one stays as it was).</summary>
    public SlaFactRow Evolve(SlaFactRow f, StoredEvent e)
    {
        var next = f with { Version = e.Version };
        return e.Event switch
        {
            CaseVerified v => next with { VerifiedAt = v.At, VerifyWorkingSeconds = Working(f.CycleStartedAt, v.At) },
            CaseRejected or DossierRefused => End(next with { VerifiedAt = e.Event.At, RejectedAt = e.Event.At,
                VerifyWorkingSeconds = Working(f.CycleStartedAt, e.Event.At) }, "rejected", e.Event.At),
            DossierAccepted a => next with
            {
                VerifiedAt = a.At, VerifyWorkingSeconds = Working(f.CycleStartedAt, a.At), ResolveStartedAt = a.At, DueAt = a.DueAt,
            },
            CaseClassified c => next with { Category = c.Category, Ward = c.Ward, Priority = Names.Snake(c.Priority),
                Confidential = f.Confidential || c.Category == CaseDecider.MisconductCategory },
            DuplicateLinked d => End(next, "duplicate", d.At),
            CaseAssigned a => next with
            {
                LeadAgency = a.LeadAgency, DueAt = a.DueAt,
                AssignedAt = f.AssignedAt ?? a.At,
                AssignWorkingSeconds = f.AssignWorkingSeconds ?? Working(f.CycleStartedAt, a.At),
                ResolveStartedAt = f.ResolveStartedAt ?? a.At,
            },
            AssignmentDeclined => next with { LeadAgency = null },
            CaseTransferred t => next with { LeadAgency = t.ToAgency },
            InformationRequested q => next with { PausedAt = q.At, Pauses = f.Pauses + 1 },
            InformationProvided p => Provided(Resume(next, p.At), p),
            InformationRequestExpired x => End(Resume(next, x.At), "closed", x.At),
            ExtensionGranted x => next with { ExtendedDueAt = x.NewDueAt },
            ApologyIssued a => next with { ApologyDueAt = a.NewDueAt },
            CaseResolved r => next with
            {
                Status = "resolved", ResolvedAt = r.At, Late = !r.OnTime, EndedAt = r.At, LeadAgency = r.Agency,
                ResolveWorkingSeconds = Working(f.CycleStartedAt, r.At),
            },
            ResolutionReturned => next with { Status = "open", ResolvedAt = null, Late = null, EndedAt = null, ResolveWorkingSeconds = null },
            CaseRated r => next with { RatedAt = r.At, Rating = r.Score, Satisfied = r.Satisfied },
            CaseReopened o => new SlaFactRow
            {
                CaseId = f.CaseId, Cycle = f.Cycle + 1, TrackingCode = f.TrackingCode, Kind = f.Kind, Category = f.Category,
                Ward = f.Ward, Channel = f.Channel, Priority = f.Priority, Confidential = f.Confidential,
                ReceivedAt = f.ReceivedAt, CycleStartedAt = o.At, Version = e.Version,
            },
            CaseWithdrawn w => End(Resume(next, w.At), "withdrawn", w.At),
            CaseClosed c => End(Resume(next, c.At), "closed", c.At),
            _ => next,
        };
    }

    /// <summary>The clock the request paused runs again with the due times the event carries (DESIGN 2.2).</summary>
    static SlaFactRow Provided(SlaFactRow f, InformationProvided p) => p.Timer switch
    {
        SlaTimer.Verify => f with { VerifyDueAt = p.DueAt },
        null => f,
        _ => f with { DueAt = p.DueAt, ExtendedDueAt = p.ExtendedDueAt },
    };

    SlaFactRow Resume(SlaFactRow f, Instant at) => f.PausedAt is { } paused
        ? f with
        {
            PausedAt = null, PausedSeconds = f.PausedSeconds + (long)(at - paused).TotalSeconds,
            PausedWorkingSeconds = f.PausedWorkingSeconds + Working(paused, at),
        }
        : f;

    /// <summary>A final event: the case is no longer open. A resolved case that is closed keeps its resolution and end.</summary>
    static SlaFactRow End(SlaFactRow f, string status, Instant at) =>
        f.Status == "resolved" ? f with { Status = status } : f with { Status = status, EndedAt = f.EndedAt ?? at };
}
