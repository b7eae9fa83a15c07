using Cases.Domain;
using Cases.EventStore;
using Cases.Projections.Daemon;
using NodaTime;
using static Cases.Domain.CaseEvent;

namespace Cases.Projections.PublicCases;

/// <summary>
/// How each event changes a public case and which public step it adds (DESIGN 5, DESIGN 7). Public texts are
/// the agency's and the center's own words (progress notes, answers, apologies, rejection reasons) or a fixed
/// phrase; the citizen's words (description, replies, rating comments, reopening reasons) are never copied,
/// since they may name people. Status follows <see cref="CaseState.PublicStatus"/>.
/// </summary>
internal static class PublicCaseSteps
{
    static readonly string Received = Names.Snake(PublicStatus.Received), Verified = Names.Snake(PublicStatus.Verified),
        InProgress = Names.Snake(PublicStatus.InProgress), Waiting = Names.Snake(PublicStatus.WaitingForCitizen),
        Resolved = Names.Snake(PublicStatus.Resolved), Closed = Names.Snake(PublicStatus.Closed), Rejected = Names.Snake(PublicStatus.Rejected);

    /// <summary>A new public case, or null when the case is confidential.</summary>
    public static PublicCaseRow? Start(StoredEvent e, CaseReceived r) => IsConfidential(r.Confidential, r.Category) ? null : new PublicCaseRow
    {
        CaseId = e.StreamId, TrackingCode = r.TrackingCode, Kind = Names.Snake(r.Kind), Category = r.Category, Ward = r.Ward,
        // ~110 m: enough to find the street, not the house (DESIGN 7).
        Latitude = r.Location is { } p ? Math.Round(p.Latitude, 3) : null,
        Longitude = r.Location is { } q ? Math.Round(q.Longitude, 3) : null,
        Channel = Names.Snake(r.Channel), PublicStatus = Received, ReceivedAt = r.At, VerifyDueAt = r.VerifyDueAt,
        PendingPhotos = Photos(r.MediaRefs), Version = e.Version, UpdatedAt = r.At,
    };

    /// <summary>The refs that name uploaded media (ids); any other reference (a document number) is not a photo.</summary>
    static string[] Photos(IEnumerable<string> refs) => refs.Where(r => Guid.TryParse(r, out _)).ToArray();

    /// <summary>A citizen's photos: published at once on a verified report, else held until verification.</summary>
    static PublicCaseRow WithCitizenPhotos(PublicCaseRow row, IEnumerable<string> refs) =>
        row.PublicStatus == Received || row.ResumeStatus == Received
            ? row with { PendingPhotos = [.. row.PendingPhotos, .. Photos(refs)] }
            : row with { Photos = [.. row.Photos, .. Photos(refs)] };

    /// <summary>Misconduct reports are private by default (DESIGN 7), also when reclassified as such later.</summary>
    public static bool IsConfidential(bool flagged, string category) => flagged || category == CaseDecider.MisconductCategory;

    public static TimelineRow? StepOf(StoredEvent e, string trackingCode)
    {
        (string Step, string? Agency, string? Text, Instant? Due)? step = e.Event switch
        {
            CaseReceived r => ("received", null, null, r.VerifyDueAt),
            CaseVerified => ("verified", null, "The report was verified.", null),
            CaseRejected r => ("rejected", null, r.Reason, null),
            DossierAccepted a => ("dossier_accepted", null, "The dossier was accepted.", a.DueAt),
            DossierRefused r => ("dossier_refused", null, r.Reason, null),
            CaseClassified c => ("classified", null, $"Category {c.Category}, ward {c.Ward}.", null),
            DuplicateLinked => ("duplicate_linked", null, "Linked to an earlier report of the same problem.", null),
            CaseAssigned a => ("assigned", a.LeadAgency, null, a.DueAt),
            AssignmentAccepted a => ("assignment_accepted", a.Agency, null, null),
            AssignmentDeclined a => ("assignment_declined", a.Agency, a.Reason, null),
            CaseTransferred t => ("transferred", t.ToAgency, t.Reason, null),
            AgencySucceeded a => ("agency_succeeded", a.ToAgency, $"Reorganisation ({a.LegalBasis}): {a.FromAgency} → {a.ToAgency}.", null),
            ProgressNoted n => ("progress", n.Agency, n.PublicText, null),
            InformationRequested q => ("information_requested", null, "More information was requested from the citizen.", q.ReplyDueAt),
            InformationProvided p => ("information_provided", null, "The citizen provided the information.", p.ExtendedDueAt ?? p.DueAt),
            InformationRequestExpired => ("information_request_expired", null, "The citizen did not reply in time.", null),
            ExtensionGranted x => ("extension_granted", null, x.Reason, x.NewDueAt),
            ApologyIssued a => ("apology_issued", null, a.Reason, a.NewDueAt),
            DeadlineBreached d => ("deadline_breached", null, null, d.DueAt),
            CaseResolved r => ("resolved", r.Agency, r.PublicAnswer, null),
            ResolutionReturned => ("resolution_returned", null, "The resolution was returned for rework.", null),
            CaseRated r => ("rated", null, $"Rated {r.Score} of 5.", null),
            CaseReopened => ("reopened", null, "The citizen reopened the report.", null),
            CaseWithdrawn => ("withdrawn", null, "The citizen withdrew the case.", null),
            CaseClosed => ("closed", null, null, null),
            DueTimesRecomputed d => d.Changes.FirstOrDefault(c => c.Clock is DueClock.Resolve or DueClock.Statutory or DueClock.Verify) is { } main
                ? ("due_recomputed", null, d.Reason, main.NewDueAt) : null,
            _ => null, // DeadlineApproaching, PersonalDataErased and PublicSummarySet (shown on the case) are not steps
        };
        return step is { } s ? new TimelineRow(e.StreamId, e.Version, trackingCode, e.OccurredAt, s.Step, s.Agency, s.Text, s.Due) : null;
    }

    /// <summary>The row after one more event of its case. <paramref name="masterCode"/> finds a public master's tracking code.</summary>
    public static PublicCaseRow Evolve(PublicCaseRow row, StoredEvent e, Func<Guid, string?> masterCode)
    {
        var next = row with { Version = e.Version, UpdatedAt = e.OccurredAt };
        return e.Event switch
        {
            CaseVerified => next with { PublicStatus = Verified, Photos = [.. row.Photos, .. row.PendingPhotos], PendingPhotos = [] },
            PublicSummarySet s => next with { PublicSummary = s.Summary },
            // A rejected report shows its category and the reason only: no place, no photos, no summary.
            CaseRejected => next with
            {
                PublicStatus = Rejected, Latitude = null, Longitude = null, PublicSummary = null, Photos = [], PendingPhotos = [], AfterPhotos = [], ProgressPhotos = [],
            },
            DossierRefused => next with { PublicStatus = Rejected },
            DossierAccepted a => next with { PublicStatus = Verified, DueAt = a.DueAt },
            CaseClassified c => next with { Category = c.Category, Ward = c.Ward },
            DuplicateLinked d => next with { PublicStatus = Closed, DuplicateOf = masterCode(d.MasterId) },
            CaseAssigned a => next with { PublicStatus = InProgress, LeadAgency = a.LeadAgency, DueAt = a.DueAt },
            AssignmentAccepted => next with { PublicStatus = InProgress },
            AssignmentDeclined => next with { PublicStatus = Verified, LeadAgency = null },
            CaseTransferred t => next with { PublicStatus = InProgress, LeadAgency = t.ToAgency },
            AgencySucceeded a => row.LeadAgency == a.FromAgency ? next with { LeadAgency = a.ToAgency } : next,
            // The agency's own photos of its work: public with the note, as the after photos are with the answer.
            ProgressNoted n => next with { ProgressPhotos = [.. row.ProgressPhotos, .. Photos(n.MediaRefs)] },
            InformationRequested => next with { ResumeStatus = row.PublicStatus, PublicStatus = Waiting },
            InformationProvided p => WithCitizenPhotos(p.Timer == SlaTimer.Verify ? next with { VerifyDueAt = p.DueAt }
                    : p.Timer is null ? next : next with { DueAt = p.DueAt, ExtendedDueAt = p.ExtendedDueAt }, p.MediaRefs)
                with { PublicStatus = row.ResumeStatus ?? InProgress, ResumeStatus = null },
            InformationRequestExpired => next with { PublicStatus = Closed, ResumeStatus = null },
            ExtensionGranted x => next with { ExtendedDueAt = x.NewDueAt },
            ApologyIssued a => next with { ApologyIssued = true, ApologyDueAt = a.NewDueAt, ApologyText = a.Reason },
            CaseResolved r => next with
            {
                PublicStatus = Resolved, ResolvedAt = r.At, OnTime = r.OnTime, PublicAnswer = r.PublicAnswer, AfterPhotos = Photos(r.EvidenceRefs),
            },
            ResolutionReturned => next with { PublicStatus = InProgress, ResolvedAt = null, OnTime = null, PublicAnswer = null, AfterPhotos = [] },
            CaseRated r => next with { Rating = r.Score },
            CaseReopened => next with
            {
                PublicStatus = Verified, Cycle = row.Cycle + 1, LeadAgency = null, DueAt = null, ExtendedDueAt = null,
                ResolvedAt = null, OnTime = null, PublicAnswer = null, Rating = null, AfterPhotos = [],
            },
            CaseWithdrawn or CaseClosed => next with { PublicStatus = Closed },
            DueTimesRecomputed d => d.Changes.Aggregate(next, (r, c) => c.Clock switch
            {
                DueClock.Verify => r with { VerifyDueAt = c.NewDueAt },
                DueClock.Resolve or DueClock.Statutory => r with { DueAt = c.NewDueAt },
                _ => r,
            }),
            _ => next,
        };
    }
}
