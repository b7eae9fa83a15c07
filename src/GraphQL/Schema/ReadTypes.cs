using Cases.Domain;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Cases.Projections.Daemon;
using Cases.Projections.ReadApi;
using NodaTime;
using NodaTime.Text;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>A public case as a GraphQL value: the timeline comes along when it was read with the case.</summary>
public sealed record CaseView(PublicCase Case, IReadOnlyList<PublicTimelineStep>? Timeline = null);

/// <summary>The public read models as GraphQL types: what the transparency site and statisticians see. No personal data.</summary>
public static class ReadTypes
{
    public static readonly ScalarType YearMonth = new("YearMonth")
    {
        Description = "A calendar month, yyyy-MM (local time, Asia/Ho_Chi_Minh).",
        SerializeValue = v => v is NodaTime.YearMonth m ? YearMonthPattern.Iso.Format(m) : throw new GraphQLException($"YearMonth cannot represent value: {v}"),
        ParseValueFunc = v => v is string s && YearMonthPattern.Iso.Parse(s) is { Success: true } r ? r.Value
            : throw new GraphQLException($"YearMonth cannot represent value: {v} (expected e.g. 2026-03)"),
        ParseLiteralFunc = (node, _) => node is StringValueNode s && YearMonthPattern.Iso.Parse(s.Value) is { Success: true } r ? r.Value
            : throw new GraphQLException($"YearMonth cannot represent value: {Printer.Print(node)} (expected e.g. 2026-03)"),
    };

    public static readonly EnumType Grouping = new("StatisticsGrouping")
    {
        Description = "What a statistic is broken down by.",
        Values = { new("AGENCY", StatisticsGrouping.Agency), new("CATEGORY", StatisticsGrouping.Category), new("WARD", StatisticsGrouping.Ward),
            new("CHANNEL", StatisticsGrouping.Channel), new("MONTH", StatisticsGrouping.Month) },
    };

    public static readonly ObjectType Point = new("GeoPoint")
    {
        Description = "A location in WGS84 degrees. Public views coarsen it to about 100 m; staff see the reporter's.",
        Fields = { Field<GeoPoint>("latitude", NonNull(GFloat), p => p.Latitude), Field<GeoPoint>("longitude", NonNull(GFloat), p => p.Longitude) },
    };

    public static readonly ObjectType TimelineStep = new("TimelineStep")
    {
        Description = "One public step of a case.",
        Fields =
        {
            Field<PublicTimelineStep>("version", NonNull(GInt), s => (int)s.Version),
            Field<PublicTimelineStep>("at", NonNull(CasesScalars.DateTime), s => s.OccurredAt),
            Field<PublicTimelineStep>("step", NonNull(GString), s => s.Step, "What happened, e.g. received, verified, assigned, resolved."),
            Field<PublicTimelineStep>("agency", GString, s => s.Agency),
            Field<PublicTimelineStep>("publicText", GString, s => s.PublicText),
            Field<PublicTimelineStep>("dueAt", CasesScalars.DateTime, s => s.DueAt),
        },
    };

    public static readonly ObjectType Photo = new("Photo")
    {
        Description = "A photo of a case: re-encoded, every metadata (positions, device) removed. The URLs are long-lived.",
        Fields =
        {
            Field<string>("id", NonNull(GID), id => id),
            Field<string>("url", NonNull(GString), id => $"/media/{id}", "The photo, JPEG, at most 2048 px on its longer side."),
            Field<string>("thumbnailUrl", NonNull(GString), id => $"/media/{id}/thumbnail", "A JPEG at most 320 px on its longer side."),
        },
    };

    public static ObjectType PublicCase(PublicCaseQueries cases) => new("PublicCase")
    {
        Description = "A case as the public sees it: no reporter identity, location coarsened, confidential reports absent.",
        Fields =
        {
            Field<CaseView>("trackingCode", NonNull(GString), c => c.Case.TrackingCode),
            Field<CaseView>("kind", NonNull(CasesEnums.Kind), c => c.Case.Kind),
            Field<CaseView>("category", NonNull(GString), c => c.Case.Category),
            Field<CaseView>("ward", NonNull(GString), c => c.Case.Ward),
            Field<CaseView>("location", Point, c => c.Case.Location),
            Field<CaseView>("channel", NonNull(CasesEnums.Channel), c => c.Case.Channel),
            Field<CaseView>("status", NonNull(CasesEnums.PublicStatus), c => c.Case.Status),
            Field<CaseView>("agency", GString, c => c.Case.LeadAgency, "The id of the lead agency."),
            Field<CaseView>("duplicateOf", GString, c => c.Case.DuplicateOf, "The tracking code of the case this one duplicates."),
            Field<CaseView>("cycle", NonNull(GInt), c => c.Case.Cycle),
            Field<CaseView>("receivedAt", NonNull(CasesScalars.DateTime), c => c.Case.ReceivedAt),
            Field<CaseView>("verifyDueAt", CasesScalars.DateTime, c => c.Case.VerifyDueAt),
            Field<CaseView>("dueAt", CasesScalars.DateTime, c => c.Case.DueAt),
            Field<CaseView>("extendedDueAt", CasesScalars.DateTime, c => c.Case.ExtendedDueAt),
            Field<CaseView>("resolvedAt", CasesScalars.DateTime, c => c.Case.ResolvedAt),
            Field<CaseView>("onTime", GBoolean, c => c.Case.OnTime, "Set when resolved: resolved by the effective due time."),
            Field<CaseView>("summary", GString, c => c.Case.Summary,
                "What was reported, as the center published it when verifying (contact details taken out). Null before verification and for a rejected report."),
            Field<CaseView>("photos", ListOf(Photo), c => c.Case.Photos.ToList(), "The citizen's photos, public once the report is verified."),
            Field<CaseView>("afterPhotos", ListOf(Photo), c => c.Case.AfterPhotos.ToList(), "The agency's photos of the result."),
            Field<CaseView>("progressPhotos", ListOf(Photo), c => c.Case.ProgressPhotos.ToList(), "The agency's photos of the work under way, from its progress notes."),
            Field<CaseView>("publicAnswer", GString, c => c.Case.PublicAnswer),
            Field<CaseView>("rating", GInt, c => c.Case.Rating),
            Field<CaseView>("apologyIssued", NonNull(GBoolean), c => c.Case.ApologyIssued),
            Field<CaseView>("apologyDueAt", CasesScalars.DateTime, c => c.Case.ApologyDueAt),
            Field<CaseView>("updatedAt", NonNull(CasesScalars.DateTime), c => c.Case.UpdatedAt),
            Field("timeline", ListOf(TimelineStep), async ctx =>
            {
                var view = (CaseView)ctx.Source!;
                // The case root already read the timeline with the case; a list node reads it only when asked.
                var steps = view.Timeline ?? (await cases.GetAsync(view.Case.TrackingCode, ctx.CancellationToken))?.Timeline ?? [];
                return steps.ToList();
            }, "The case's public steps in order."),
        },
    };

    public static readonly ObjectType LateRateRowType = WithFields(
        new("LateRateRow") { Fields = { Field<LateRateRow>("group", NonNull(GString), r => r.Group) } }, LateRateFigures());

    public static readonly ObjectType LateRateTotalType = WithFields(
        new("LateRateTotal") { Description = "Every group together over the period; by month, its open figures are those at the period end." },
        LateRateFigures());

    public static readonly ObjectType SatisfactionRowType = WithFields(
        new("SatisfactionRow") { Fields = { Field<SatisfactionRow>("group", NonNull(GString), r => r.Group) } }, SatisfactionFigures());

    public static readonly ObjectType SatisfactionTotalType = WithFields(
        new("SatisfactionTotal") { Description = "Every rating given in the period, whatever its group." }, SatisfactionFigures());

    // A row and the total have the same figures; a total has no group, so it is a type of its own rather than a
    // row whose group a client would have to tell apart from real ones ("" is already "no agency").
    static IEnumerable<FieldDefinition> LateRateFigures() =>
    [
        Field<LateRateRow>("resolved", NonNull(GInt), r => (int)r.Resolved),
        Field<LateRateRow>("resolvedOnTime", NonNull(GInt), r => (int)r.ResolvedOnTime),
        Field<LateRateRow>("resolvedLate", NonNull(GInt), r => (int)r.ResolvedLate),
        Field<LateRateRow>("openAtEnd", NonNull(GInt), r => (int)r.OpenAtEnd),
        Field<LateRateRow>("openOverdue", NonNull(GInt), r => (int)r.OpenOverdue),
        Field<LateRateRow>("lateRate", GFloat, r => r.LateRate, "resolvedLate ÷ resolved; null when nothing was resolved."),
        Field<LateRateRow>("onTimeRate", GFloat, r => r.OnTimeRate),
        Field<LateRateRow>("openOverdueRate", GFloat, r => r.OpenOverdueRate),
        Field<LateRateRow>("lateOrOverdueRate", GFloat, r => r.LateOrOverdueRate,
            "(resolvedLate + openOverdue) ÷ (resolved + openOverdue): the ranking's figure; null when both are 0."),
    ];

    public static readonly ObjectType AgencyRankType = new("AgencyRank")
    {
        Description = "An agency's place in the ranking by late-or-overdue rate, with the figures behind it.",
        Fields =
        {
            Field<AgencyRank>("rank", NonNull(GInt), r => r.Rank, "1 is best."),
            Field<AgencyRank>("agency", NonNull(GString), r => r.Row.Group),
            Field<AgencyRank>("figures", NonNull(LateRateRowType), r => r.Row),
        },
    };

    static IEnumerable<FieldDefinition> SatisfactionFigures() =>
    [
        Field<SatisfactionRow>("ratings", NonNull(GInt), r => (int)r.Ratings),
        Field<SatisfactionRow>("histogram", ListOf(GInt), r => r.Histogram.Select(h => (int)h).ToList(), "Ratings of 1, 2, 3, 4 and 5."),
        Field<SatisfactionRow>("satisfied", NonNull(GInt), r => (int)r.Satisfied),
        Field<SatisfactionRow>("shareSatisfied", GFloat, r => r.ShareSatisfied),
        Field<SatisfactionRow>("meanScore", GFloat, r => r.MeanScore),
    ];

    static ObjectType WithFields(ObjectType type, IEnumerable<FieldDefinition> fields)
    {
        foreach (var field in fields) type.Fields.Add(field);
        return type;
    }

    public static readonly ObjectType DurationRowType = new("DurationRow")
    {
        Fields =
        {
            Field<DurationRow>("group", NonNull(GString), r => r.Group),
            Field<DurationRow>("step", NonNull(GString), r => r.Step.ToString().ToLowerInvariant(), "verify, assign or resolve"),
            Field<DurationRow>("count", NonNull(GInt), r => (int)r.Count),
            Field<DurationRow>("medianWorkingHours", NonNull(GFloat), r => r.MedianWorkingHours),
            Field<DurationRow>("p90WorkingHours", NonNull(GFloat), r => r.P90WorkingHours),
        },
    };

    public static readonly ObjectType BacklogRowType = new("BacklogRow")
    {
        Description = "Open cases of an agency by how close they are to their due time.",
        Fields =
        {
            Field<BacklogAgeingRow>("agency", NonNull(GString), r => r.Agency),
            Field<BacklogAgeingRow>("open", NonNull(GInt), r => (int)r.Open),
            Field<BacklogAgeingRow>("withinDeadline", NonNull(GInt), r => (int)r.WithinDeadline),
            Field<BacklogAgeingRow>("dueSoon", NonNull(GInt), r => (int)r.DueSoon, "Less than 20 % of the allowed time left."),
            Field<BacklogAgeingRow>("overdue", NonNull(GInt), r => (int)r.Overdue),
            Field<BacklogAgeingRow>("waitingForCitizen", NonNull(GInt), r => (int)r.WaitingForCitizen),
        },
    };

    public static readonly ObjectType QueueItem = new("QueueItem")
    {
        Description = "An open case in an agency's work list.",
        Fields =
        {
            Field<AgencyQueueItem>("trackingCode", NonNull(GString), q => q.TrackingCode),
            Field<AgencyQueueItem>("kind", NonNull(GString), q => q.Kind),
            Field<AgencyQueueItem>("category", NonNull(GString), q => q.Category),
            Field<AgencyQueueItem>("priority", NonNull(GString), q => q.Priority),
            Field<AgencyQueueItem>("ward", NonNull(GString), q => q.Ward),
            Field<AgencyQueueItem>("status", NonNull(GString), q => q.Status),
            Field<AgencyQueueItem>("accepted", NonNull(GBoolean), q => q.Accepted),
            Field<AgencyQueueItem>("assignedAt", CasesScalars.DateTime, q => q.AssignedAt),
            Field<AgencyQueueItem>("acceptDueAt", CasesScalars.DateTime, q => q.AcceptDueAt),
            Field<AgencyQueueItem>("dueAt", CasesScalars.DateTime, q => q.DueAt),
            Field<AgencyQueueItem>("effectiveDueAt", CasesScalars.DateTime, q => q.EffectiveDueAt),
            Field<AgencyQueueItem>("waitingForCitizen", NonNull(GBoolean), q => q.WaitingForCitizen),
            Field<AgencyQueueItem>("urgency", NonNull(CasesEnums.QueueUrgency), q => q.Urgency, "Overdue, due within one working day of working time, or on track."),
            Field<AgencyQueueItem>("channel", GString, q => q.Channel),
            Field<AgencyQueueItem>("flag", GString, q => q.Flag, "Why the case is back: reopened (by the citizen), returned (by the center) or answered (the citizen answered a request for information)."),
            Field<AgencyQueueItem>("flagReason", GString, q => q.FlagReason, "The reason given for a reopening or a return."),
            Field<AgencyQueueItem>("flagAt", CasesScalars.DateTime, q => q.FlagAt),
            Field<AgencyQueueItem>("cursor", NonNull(GString), q => q.Cursor, "Pass as after to read the items that follow this one."),
        },
    };

    public static readonly ObjectType ProjectionStatusType = new("ProjectionStatus")
    {
        Description = "How far a read model lags behind the event store.",
        Fields =
        {
            Field<ProjectionStatus>("name", NonNull(GString), s => s.Name),
            Field<ProjectionStatus>("state", NonNull(GString), s => s.DeadLetters > 0 ? "poisoned" : s.Running ? "running" : "stopped",
                "running, stopped, or poisoned (the daemon skipped events it could not apply; a rebuild with a fixed read model restores them)"),
            Field<ProjectionStatus>("lagEvents", NonNull(GInt), s => (int)Math.Min(int.MaxValue, s.LagEvents)),
            Field<ProjectionStatus>("lagSeconds", NonNull(GFloat), s => s.LagSeconds),
        },
    };

    public static readonly ObjectType Freshness = new("Freshness")
    {
        Description = "How current the read models are: events written but not yet in every view, and how old the oldest of them is.",
        Fields =
        {
            Field<IReadOnlyList<ProjectionStatus>>("lagEvents", NonNull(GInt), s => (int)Math.Min(int.MaxValue, s.Count == 0 ? 0 : s.Max(p => p.LagEvents))),
            Field<IReadOnlyList<ProjectionStatus>>("lagSeconds", NonNull(GFloat), s => s.Count == 0 ? 0.0 : s.Max(p => p.LagSeconds)),
            Field<IReadOnlyList<ProjectionStatus>>("projections", ListOf(ProjectionStatusType), s => s.ToList()),
        },
    };
}
