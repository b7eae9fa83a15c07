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
internal sealed class SlaFactSteps(Func<WorkingCalendar> calendar)
{
    long Working(Instant from, Instant to) => (long)calendar().WorkingTimeBetween(from, to).TotalSeconds;

    /// <summary>
    /// Whether a due time computed with <paramref name="calendarVersion"/> over [<paramref name="from"/>,
    /// <paramref name="due"/>] crossed a year that version had no holiday data for, so that only the working week
    /// counted there (UncoveredYears.AssumeNoHolidays). Judged from the recorded version, so a rebuild agrees.
    /// </summary>
    static bool Assumed(string calendarVersion, Instant from, Instant? due)
    {
        if (due is not { } d || CalendarLibrary.CoveredYears(calendarVersion) is not { } covered) return false;
        var (first, last) = (from.InZone(WorkingCalendar.Zone).Year, d.InZone(WorkingCalendar.Zone).Year);
        for (var year = first; year <= last; year++)
            if (!covered.Contains(year)) return true;
        return false;
    }

    public static SlaFactRow Start(StoredEvent e, CaseReceived r) => new()
    {
        CaseId = e.StreamId, TrackingCode = r.TrackingCode, Kind = Names.Snake(r.Kind), Category = r.Category, Ward = r.Ward,
        Channel = Names.Snake(r.Channel), Priority = Names.Snake(Priority.Normal),
        Confidential = r.Confidential || r.Category == CaseDecider.MisconductCategory,
        ReceivedAt = r.At, CycleStartedAt = r.At, VerifyDueAt = r.VerifyDueAt, Version = e.Version,
        VerifyDueAssumed = Assumed(r.CalendarVersion, r.At, r.VerifyDueAt),
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
                DueAssumed = Assumed(a.CalendarVersion, a.At, a.DueAt),
            },
            CaseClassified c => next with { Category = c.Category, Ward = c.Ward, Priority = Names.Snake(c.Priority),
                Confidential = f.Confidential || c.Category == CaseDecider.MisconductCategory },
            DuplicateLinked d => End(next, "duplicate", d.At),
            CaseAssigned a => next with
            {
                LeadAgency = a.LeadAgency, DueAt = a.DueAt,
                // A re-assignment keeps the due time (and its flag) the first assignment computed.
                DueAssumed = f.DueAt == a.DueAt ? f.DueAssumed : Assumed(a.CalendarVersion, a.At, a.DueAt),
                AssignedAt = f.AssignedAt ?? a.At,
                AssignWorkingSeconds = f.AssignWorkingSeconds ?? Working(f.CycleStartedAt, a.At),
                ResolveStartedAt = f.ResolveStartedAt ?? a.At,
            },
            AssignmentDeclined => next with { LeadAgency = null },
            CaseTransferred t => next with { LeadAgency = t.ToAgency },
            // A reform moves an open cycle to the successor; a resolution already made stays the resolving agency's.
            AgencySucceeded a => f.LeadAgency == a.FromAgency && f.EndedAt is null ? next with { LeadAgency = a.ToAgency } : next,
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
            DueTimesRecomputed d => d.Changes.Aggregate(next, (row, c) => c.Clock switch
            {
                DueClock.Verify => row with { VerifyDueAt = c.NewDueAt, VerifyDueAssumed = Assumed(d.CalendarVersion, d.At, c.NewDueAt) },
                DueClock.Resolve or DueClock.Statutory => row with { DueAt = c.NewDueAt, DueAssumed = Assumed(d.CalendarVersion, d.At, c.NewDueAt) },
                _ => row,
            }),
            CaseWithdrawn w => End(Resume(next, w.At), "withdrawn", w.At),
            CaseClosed c => End(Resume(next, c.At), "closed", c.At),
            _ => next,
        };
    }

    /// <summary>The clock the request paused runs again with the due times the event carries (DESIGN 2.2).</summary>
    static SlaFactRow Provided(SlaFactRow f, InformationProvided p) => p.Timer switch
    {
        SlaTimer.Verify => f with { VerifyDueAt = p.DueAt, VerifyDueAssumed = f.VerifyDueAssumed || Assumed(p.CalendarVersion, p.At, p.DueAt) },
        null => f,
        _ => f with { DueAt = p.DueAt, ExtendedDueAt = p.ExtendedDueAt, DueAssumed = f.DueAssumed || Assumed(p.CalendarVersion, p.At, p.DueAt) },
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
