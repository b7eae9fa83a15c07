using NodaTime;
using static Cases.Domain.CaseCommand;
using static Cases.Domain.CaseEvent;

namespace Cases.Domain;

/// <summary>
/// The Case decider: <c>Decide(command, state, context)</c> is pure (no I/O, no clock, no new ids: the
/// instant, the actor and the SLA rules come in the context). Checks run in a fixed order: the case exists,
/// the actor's role may issue the command, the state accepts it, the actor owns the case (an agency acts only
/// on cases assigned to it), the input is valid.
/// </summary>
public static partial class CaseDecider
{
    public static Decision Decide(CaseCommand command, CaseState state, DecideContext ctx)
    {
        if (state.Status == CaseStatus.New && command is not SubmitCase)
            return DomainError.CaseNotFound(state.Id.ToString());
        if (!CaseRules.MayAct(ctx.Actor, command, state, checkOwnership: false))
            return DomainError.ForbiddenFor(ctx.Actor, command.Name);
        var allowed = CaseRules.AllowedCommands(state);
        if (!allowed.Contains(command.Name))
            return InvalidTransition(command, state, allowed);
        if (!CaseRules.MayAct(ctx.Actor, command, state))
            return DomainError.ForbiddenFor(ctx.Actor, command.Name);

        var now = ctx.Now;
        var sla = ctx.Sla;
        return command switch
        {
            SubmitCase c => Submit(c, state, ctx),
            VerifyCase c => state.Kind == CaseKind.FieldReport
                ? Verify(c, state, now)
                : c.PublicSummary is not null
                    ? DomainError.Validation("publicSummary", "A dossier has no public summary.")
                    : Decision.Of(new DossierAccepted(now, sla.StatutoryDue(state.Category, now), sla.PolicyVersion, sla.CalendarVersion)),
            SetPublicSummary c => RequireText("summary", c.Summary, MaxDescriptionLength) ?? Decision.Of(new PublicSummarySet(now, c.Summary.Trim())),
            RejectCase c => RequireText("reason", c.Reason) ?? (state.Kind == CaseKind.FieldReport
                ? Decision.Of(new CaseRejected(now, c.Reason.Trim()))
                : Decision.Of(new DossierRefused(now, c.Reason.Trim()))),
            ClassifyCase c => Classify(c, state, ctx),
            LinkDuplicate c => c.MasterId == state.Id || c.MasterId == Guid.Empty
                ? DomainError.Validation("masterId", "A case cannot be a duplicate of itself.")
                : c.MasterReceivedAt is { } masterAt && masterAt > state.ReceivedAt
                    ? DomainError.Validation("masterId", "A report is merged into an older one: this master was received later.", "newer")
                    : Decision.Of(new DuplicateLinked(now, c.MasterId)),
            AssignCase c => Assign(c, state, ctx),
            AcceptAssignment => Decision.Of(new AssignmentAccepted(now, state.LeadAgency!)),
            DeclineAssignment c => RequireText("reason", c.Reason)
                ?? Decision.Of(new AssignmentDeclined(now, state.LeadAgency!, c.Reason.Trim())),
            TransferCase c => Transfer(c, state, now),
            NoteProgress c => RequireText("publicText", c.PublicText) ?? RequirePhotos(c.MediaRefs)
                ?? Decision.Of(new ProgressNoted(now, ctx.Actor.AgencyId ?? ctx.Actor.Id, c.PublicText.Trim()) { MediaRefs = c.MediaRefs }),
            RequestInformation c => RequireText("question", c.Question)
                ?? Decision.Of(new InformationRequested(now, c.Question.Trim(), sla.InformationReplyDue(now))),
            ProvideInformation c => RequireText("text", c.Text) ?? RequirePhotos(c.MediaRefs) ?? ProvideInformationDecision(c, state, ctx),
            ExpireInformationRequest => state.InformationReplyDueAt is { } due && now >= due
                ? Decision.Of(new InformationRequestExpired(now))
                : Decision.Nothing,
            GrantExtension c => RequireText("reason", c.Reason) ?? (c.NewDueAt <= state.EffectiveDueAt
                ? DomainError.Validation("newDueAt", "An extension must move the due time later.")
                : Decision.Of(new ExtensionGranted(now, c.NewDueAt, c.Reason.Trim()))),
            IssueApology c => RequireText("reason", c.Reason) ?? (c.NewDueAt <= state.DueAt || c.NewDueAt <= now
                ? DomainError.Validation("newDueAt", "The new due time must be later than the statutory due time and now.")
                : Decision.Of(new ApologyIssued(now, c.NewDueAt, c.Reason.Trim()))),
            RecordDeadline c => RecordDeadlineDecision(c, state, now),
            ResolveCase c => Resolve(c, state, now),
            ReturnResolution c => RequireText("reason", c.Reason) ?? Decision.Of(new ResolutionReturned(now, c.Reason.Trim())),
            RateCase c => Rate(c, now),
            ReopenCase c => RequireText("reason", c.Reason) ?? Reopen(c, state, ctx),
            WithdrawCase c => RequireText("reason", c.Reason) ?? Decision.Of(new CaseWithdrawn(now, c.Reason.Trim())),
            CloseCase c => RequireText("reason", c.Reason) ?? Decision.Of(new CaseClosed(now, c.Reason.Trim())),
            ErasePersonalData => Decision.Of(new PersonalDataErased(now)),
            RecomputeDueTimes c => RequireText("reason", c.Reason) ?? Recompute(c, state, ctx),
            SucceedAgency c => RequireText("toAgency", c.ToAgency, 100) ?? RequireText("mapVersion", c.MapVersion, 40)
                ?? (c.ToAgency == c.FromAgency ? DomainError.Validation("toAgency", "An agency cannot succeed itself.")
                    : state.LeadAgency == c.FromAgency || state.SupportingAgencies.Contains(c.FromAgency)
                        ? Decision.Of(new AgencySucceeded(now, c.FromAgency, c.ToAgency, c.MapVersion, c.LegalBasis.Trim()))
                        : Decision.Nothing),
            _ => InvalidTransition(command, state, allowed),
        };
    }

    /// <summary>Folds the events a decision produced onto the state: what the handler returns after appending.</summary>
    public static CaseState Apply(CaseState state, IEnumerable<CaseEvent> events) => events.Aggregate(state, CaseState.Evolve);

    static DomainError InvalidTransition(CaseCommand command, CaseState state, IReadOnlyList<string> allowed) =>
        new(DomainError.InvalidTransition,
            $"Cannot {command.Name} a case that is {StatusName(state.Status)}.",
            new Dictionary<string, object?> { ["status"] = StatusName(state.Status), ["allowed"] = allowed });

    public static string StatusName(CaseStatus s) => s switch
    {
        CaseStatus.InProgress => "in_progress",
        CaseStatus.WaitingForCitizen => "waiting_for_citizen",
        _ => s.ToString().ToLowerInvariant(),
    };

    static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
