using NodaTime;
using static Cases.Domain.CaseCommand;
using static Cases.Domain.CaseEvent;

namespace Cases.Domain;

public static partial class CaseDecider
{
    public const int MaxDescriptionLength = 4000;
    public const int MaxTextLength = 2000;
    public const int MaxMediaRefs = 20;

    /// <summary>Photos a citizen may attach to a report, or to an answer to a request for information.</summary>
    public const int MaxPhotos = 5;

    /// <summary>Categories whose reports are private by default (DESIGN 7): they name an official.</summary>
    public const string MisconductCategory = "official_misconduct";

    /// <summary>
    /// Field-report categories about something with no place in the street (an official's conduct in a procedure): a
    /// citizen's report of them needs no point. Every other report a citizen sends needs one (issue 20).
    /// </summary>
    public static readonly IReadOnlySet<string> PlacelessCategories = new HashSet<string> { MisconductCategory };

    static Decision Submit(SubmitCase c, CaseState state, DecideContext ctx)
    {
        if (string.IsNullOrWhiteSpace(c.TrackingCode)) return DomainError.Validation("trackingCode", "A tracking code is required.");
        if (RequireText("description", c.Description, MaxDescriptionLength) is { } e) return e;
        if (!ctx.Sla.IsKnownCategory(c.Kind, c.Category))
            return DomainError.Validation("category", $"Unknown {(c.Kind == CaseKind.Dossier ? "procedure" : "category")} '{c.Category}'.", "unknown");
        if (c.Location is { } p && !ctx.Places.InProvince(p))
            return DomainError.Validation("location", "The location is outside the province.", "outside_province");
        // A citizen sends a street problem from where it is (the map or the device); the center, taking a call or a
        // message, may know the ward alone.
        if (c.Kind == CaseKind.FieldReport && c.Location is null && ctx.Actor.Role is Role.Public or Role.Citizen
            && !PlacelessCategories.Contains(c.Category))
            return DomainError.Validation("location", "A report needs its place: a point on the map or the device's location.", "place_required");
        var ward = string.IsNullOrWhiteSpace(c.Ward) && c.Location is { } at ? ctx.Places.WardAt(at)!.Name : c.Ward;
        if (RequireWard(ward, ctx) is { } w) return w;
        if (RequirePhotos(c.MediaRefs) is { } m) return m;

        var now = ctx.Now;
        var verifyDue = c.Kind == CaseKind.FieldReport ? ctx.Sla.VerifyDue(c.Category, now) : (Instant?)null;
        return Decision.Of(new CaseReceived(
            now, c.Kind, c.TrackingCode, c.Channel, c.Category, c.Description.Trim(), c.Location, ward.Trim(),
            c.MediaRefs, c.ReporterRef, c.Category == MisconductCategory, verifyDue, ctx.Sla.PolicyVersion, ctx.Sla.CalendarVersion)
            { Client = c.Client });
    }

    /// <summary>A ward must be given and be one of the map's (a made-up name would be published and counted as a place).</summary>
    static DomainError? RequireWard(string? ward, DecideContext ctx) =>
        RequireText("ward", ward, 100)
        ?? (ctx.Places.Find(ward!) is not null ? null
            : ctx.Places.SuccessorOf(ward!) is { } successor ? FormerWard(ward!.Trim(), successor, ctx.Places.Effective)
            : DomainError.Validation("ward", $"Unknown ward '{ward!.Trim()}'.", "unknown"));

    /// <summary>A ward that a reform replaced (issue 24): refused, naming the unit in force that succeeded it.</summary>
    static DomainError FormerWard(string ward, Places.AdministrativeUnit successor, NodaTime.LocalDate since)
    {
        var (vi, en) = successor.Level switch
        {
            Places.WardLevel.Commune => ($"xã {successor.Name}", $"{successor.Name} Commune"),
            Places.WardLevel.Township => ($"thị trấn {successor.Name}", $"{successor.Name} Township"),
            _ => ($"phường {successor.Name}", $"{successor.Name} Ward"),
        };
        return new DomainError(DomainError.ValidationFailed,
            $"'{ward}' is no longer a ward or commune (the map in force since {since:yyyy-MM-dd}): it is now part of {en}.",
            new Dictionary<string, object?>
            {
                ["field"] = "ward", ["reason"] = "former", ["successor"] = successor.Name, ["successorVi"] = vi, ["successorEn"] = en,
                ["since"] = since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
    }

    static DomainError? RequirePhotos(IReadOnlyList<string> refs) =>
        refs.Count > MaxPhotos || refs.Any(string.IsNullOrWhiteSpace) || refs.Distinct().Count() != refs.Count
            ? DomainError.Validation("mediaRefs", $"At most {MaxPhotos} photos, each once.")
            : null;

    /// <summary>
    /// Verification also fixes what the public reads: the operator's summary as given (they chose to keep what it
    /// says), or by default the citizen's description with phone numbers and e-mail addresses masked, so a
    /// contact typed into a description never reaches a public view unless an operator puts it there.
    /// </summary>
    static Decision Verify(VerifyCase c, CaseState state, Instant now)
    {
        if (c.PublicSummary is { } given && RequireText("publicSummary", given, MaxDescriptionLength) is { } e) return e;
        var summary = c.PublicSummary?.Trim() ?? ContactRedaction.Mask(state.Description);
        return Decision.Of(new CaseVerified(now, Trimmed(c.Note)), new PublicSummarySet(now, summary));
    }

    static Decision Classify(ClassifyCase c, CaseState state, DecideContext ctx)
    {
        if (!ctx.Sla.IsKnownCategory(state.Kind, c.Category))
            return DomainError.Validation("category", $"Unknown category '{c.Category}'.", "unknown");
        if (RequireWard(c.Ward, ctx) is { } w) return w;
        // Recategorising keeps the clock (DESIGN 2.2): no due time is recomputed here.
        return Decision.Of(new CaseClassified(ctx.Now, c.Category, c.Priority, c.Ward.Trim()));
    }

    static Decision Assign(AssignCase c, CaseState state, DecideContext ctx)
    {
        if (RequireText("leadAgency", c.LeadAgency, 100) is { } e) return e;
        if (c.SupportingAgencies.Any(string.IsNullOrWhiteSpace) || c.SupportingAgencies.Contains(c.LeadAgency)
            || c.SupportingAgencies.Distinct().Count() != c.SupportingAgencies.Count)
            return DomainError.Validation("supportingAgencies", "Supporting agencies must be distinct and differ from the lead agency.");

        var now = ctx.Now;
        // A report's resolution clock starts at its first assignment and keeps running through declines
        // and re-assignments; a dossier's statutory clock started when it was accepted.
        var due = state.DueAt ?? ctx.Sla.ResolveDue(state.Category, state.Priority, now);
        return Decision.Of(new CaseAssigned(
            now, c.LeadAgency.Trim(), c.SupportingAgencies, due, ctx.Sla.AcceptDue(state.Kind, state.Category, now),
            ctx.Sla.PolicyVersion, ctx.Sla.CalendarVersion));
    }

    static Decision Transfer(TransferCase c, CaseState state, Instant now)
    {
        if (RequireText("toAgency", c.ToAgency, 100) is { } e) return e;
        if (c.ToAgency == state.LeadAgency) return DomainError.Validation("toAgency", "The case is already with that agency.");
        return RequireText("reason", c.Reason) ?? Decision.Of(new CaseTransferred(now, state.LeadAgency!, c.ToAgency.Trim(), c.Reason.Trim()));
    }

    static Decision ProvideInformationDecision(ProvideInformation c, CaseState state, DecideContext ctx)
    {
        var (now, sla) = (ctx.Now, ctx.Sla);
        var effect = sla.OnInformationRequest(state.Kind, state.Category);
        var pausedAt = state.PausedAt!.Value;
        SlaTimer? timer = state.ResumeStatus == CaseStatus.Received
            ? (state.Kind == CaseKind.FieldReport ? SlaTimer.Verify : null)
            : state.DueAt is null ? null : state.Kind == CaseKind.Dossier ? SlaTimer.Statutory : SlaTimer.Resolve;

        Instant? Pause(Instant? due) => due is { } d ? sla.ExtendByPause(d, pausedAt, now) : null;
        (Instant? due, Instant? extended) = (timer, effect) switch
        {
            (null, _) => (null, null),
            (SlaTimer.Verify, InformationRequestEffect.Pause) => (Pause(state.VerifyDueAt), null),
            (SlaTimer.Verify, _) => (sla.VerifyDue(state.Category, now), null),
            (_, InformationRequestEffect.Pause) => (Pause(state.DueAt), Pause(state.ExtendedDueAt)),
            (SlaTimer.Statutory, _) => (sla.StatutoryDue(state.Category, now), null),
            _ => (sla.ResolveDue(state.Category, state.Priority, now), null),
        };
        return Decision.Of(new InformationProvided(now, c.Text.Trim(), effect, timer, due, extended, sla.PolicyVersion, sla.CalendarVersion)
        {
            MediaRefs = c.MediaRefs,
        });
    }

    static Decision RecordDeadlineDecision(RecordDeadline c, CaseState state, Instant now)
    {
        // The scheduler may fire a message that a later event superseded (the clock moved, paused or
        // stopped) or fire twice: both are no-ops rather than errors, so retries stay harmless.
        if (state.RunningClock is not { } clock || clock.Timer != c.Timer || clock.DueAt != c.DueAt) return Decision.Nothing;
        if (state.DeadlineMarks.Contains(CaseState.Mark(c.Timer, c.DueAt, c.Breached))) return Decision.Nothing;
        if (c.Breached && now < c.DueAt) return Decision.Nothing;
        return c.Breached
            ? Decision.Of(new DeadlineBreached(now, c.Timer, c.DueAt))
            : Decision.Of(new DeadlineApproaching(now, c.Timer, c.DueAt));
    }

    static Decision Resolve(ResolveCase c, CaseState state, Instant now)
    {
        if (RequireText("publicAnswer", c.PublicAnswer, MaxDescriptionLength) is { } e) return e;
        if (c.EvidenceRefs.Count > MaxMediaRefs || c.EvidenceRefs.Any(string.IsNullOrWhiteSpace))
            return DomainError.Validation("evidenceRefs", $"At most {MaxMediaRefs} evidence references, none empty.");
        // Late is judged against the effective due time: an approved extension counts, a dossier's apology
        // does not (it is issued because the dossier is late, and the case still counts late).
        var due = state.Kind == CaseKind.Dossier ? state.DueAt!.Value : state.EffectiveDueAt!.Value;
        return Decision.Of(new CaseResolved(now, state.LeadAgency!, c.PublicAnswer.Trim(), c.EvidenceRefs, due, now <= due));
    }

    /// <summary>
    /// A reopened report goes back to the lead agency that resolved it (and its supporting agencies), in a new cycle
    /// whose clocks start now by the policy in force: the citizen says the agency's work was not done, so it is that
    /// agency's to finish, not the center's to route again. The operator can still transfer it.
    /// </summary>
    static Decision Reopen(ReopenCase c, CaseState state, DecideContext ctx)
    {
        var (now, sla) = (ctx.Now, ctx.Sla);
        var reopened = new CaseReopened(now, c.Reason.Trim());
        if (state.LeadAgency is not { } lead) return Decision.Of(reopened);
        return Decision.Of(reopened, new CaseAssigned(
            now, lead, [.. state.SupportingAgencies], sla.ResolveDue(state.Category, state.Priority, now),
            sla.AcceptDue(state.Kind, state.Category, now), sla.PolicyVersion, sla.CalendarVersion));
    }

    static Decision Rate(RateCase c, Instant now)
    {
        if (c.Score is < 1 or > 5) return DomainError.Validation("score", "A rating is from 1 to 5.");
        if (c.Comment is { Length: > MaxTextLength }) return DomainError.Validation("comment", $"A comment has at most {MaxTextLength} characters.");
        return Decision.Of(new CaseRated(now, c.Score, Trimmed(c.Comment), c.Score >= 4));
    }

    /// <summary>
    /// Each open due time the calendar computed, re-measured with the calendar now in force: the working time it
    /// left is counted again (from now, or for a clock paused by a request for information, from the pause). An
    /// extension's or an apology's new due time was chosen by a person, not computed, and stays.
    /// </summary>
    static Decision Recompute(RecomputeDueTimes c, CaseState state, DecideContext ctx)
    {
        var (now, sla) = (ctx.Now, ctx.Sla);
        var waiting = state.Status == CaseStatus.WaitingForCitizen;
        var clockStatus = waiting ? state.ResumeStatus : state.Status;
        var changes = new List<RecomputedDue>();
        void Check(DueClock clock, Instant? due, Instant from)
        {
            if (due is not { } old || old <= from) return;
            var recomputed = sla.RecomputeDue(old, from, state.CalendarVersion);
            if (recomputed != old) changes.Add(new RecomputedDue(clock, old, recomputed));
        }

        if (clockStatus == CaseStatus.Received && state.Kind == CaseKind.FieldReport)
            Check(DueClock.Verify, state.VerifyDueAt, state.PausedAt ?? now);
        if (state.Status == CaseStatus.Assigned) Check(DueClock.Accept, state.AcceptDueAt, now);
        if (clockStatus is CaseStatus.Verified or CaseStatus.Assigned or CaseStatus.InProgress)
            Check(state.Kind == CaseKind.Dossier ? DueClock.Statutory : DueClock.Resolve, state.DueAt, state.PausedAt ?? now);
        if (waiting) Check(DueClock.InformationReply, state.InformationReplyDueAt, now);

        return changes.Count == 0
            ? Decision.Nothing
            : Decision.Of(new DueTimesRecomputed(now, c.Reason.Trim(), changes, state.CalendarVersion, sla.PolicyVersion, sla.CalendarVersion));
    }

    static DomainError? RequireText(string field, string? value, int max = MaxTextLength) =>
        string.IsNullOrWhiteSpace(value) ? DomainError.Validation(field, $"{field} is required.", "required")
        : value.Length > max ? DomainError.Validation(field, $"{field} has at most {max} characters.", "too_long")
        : null;
}
