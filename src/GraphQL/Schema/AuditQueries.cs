using Cases.Domain;
using Cases.EventStore;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Types;
using NodaTime;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>
/// What auditors need (DESIGN 6.2, 7): replay a case event by event with every event's metadata, its state
/// as of a version or an instant, and proof that nothing was altered or removed. Reads the event store
/// directly, never a projection. Auditors and admins only.
/// </summary>
public sealed class AuditQueries(CaseEventStore store, ChainVerifier verifier)
{
    static readonly ObjectType Metadata = new("EventMetadata")
    {
        Fields =
        {
            Field<EventMetadata>("correlationId", NonNull(GString), m => m.CorrelationId),
            Field<EventMetadata>("causationId", GString, m => m.CausationId),
            Field<EventMetadata>("actorId", NonNull(GString), m => m.ActorId),
            Field<EventMetadata>("actorRole", NonNull(CasesEnums.Role), m => m.ActorRole),
            Field<EventMetadata>("actorAgency", GString, m => m.ActorAgency),
            Field<EventMetadata>("command", NonNull(GString), m => m.Command),
            Field<EventMetadata>("clientIpHash", GString, m => m.ClientIpHash),
        },
    };

    static readonly ObjectType AuditEvent = new("AuditEvent")
    {
        Description = "One stored event, as recorded.",
        Fields =
        {
            Field<StoredEvent>("version", NonNull(GInt), e => (int)e.Version),
            Field<StoredEvent>("position", NonNull(GString), e => e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), "Its place in the store's global sequence (mt_events.seq_id)."),
            Field<StoredEvent>("type", NonNull(GString), e => e.Type),
            Field<StoredEvent>("occurredAt", NonNull(CasesScalars.DateTime), e => e.OccurredAt),
            Field<StoredEvent>("recordedAt", NonNull(CasesScalars.DateTime), e => e.RecordedAt),
            Field<StoredEvent>("data", NonNull(GString), e => EventJson.Readable(e.Event), "The event's data as JSON, indented, Vietnamese as written (no \\u escapes)."),
            Field<StoredEvent>("hash", GString, e => e.Hash, "The chain's hash of this event (hex), as stored in its headers."),
            Field<StoredEvent>("prevHash", GString, e => e.PrevHash, "The hash of the event before (null for the first)."),
            Field<StoredEvent>("metadata", NonNull(Metadata), e => e.Metadata),
        },
    };

    static readonly ObjectType ChainBreakType = new("ChainBreak")
    {
        Fields =
        {
            Field<ChainBreak>("caseId", NonNull(GID), b => b.StreamId.ToString()),
            Field<ChainBreak>("version", NonNull(GInt), b => (int)b.Version),
            Field<ChainBreak>("reason", NonNull(GString), b => b.Reason),
        },
    };

    static readonly ObjectType ChainReportType = new("ChainReport")
    {
        Description = "The result of recomputing every event's SHA-256 chain link from what is stored.",
        Fields =
        {
            Field<ChainReport>("valid", NonNull(GBoolean), r => r.Valid),
            Field<ChainReport>("casesChecked", NonNull(GInt), r => (int)r.StreamsChecked),
            Field<ChainReport>("eventsChecked", NonNull(GInt), r => (int)r.EventsChecked),
            Field<ChainReport>("breaks", ListOf(ChainBreakType), r => r.Breaks.ToList(), "The first bad event of each broken case."),
        },
    };

    public ObjectType Build() => new("Audit")
    {
        Description = "Auditors' view of the event store itself.",
        Fields =
        {
            new FieldDefinition("history", ListOf(AuditEvent))
            {
                Description = "A case's events in order, optionally up to a version or as of an instant.",
                Arguments = { Arg("trackingCode", NonNull(GString)), Arg("upToVersion", GInt), Arg("asOf", CasesScalars.DateTime) },
                Resolve = async ctx => (await Read(ctx)).Events.ToList(),
            },
            new FieldDefinition("stateAt", CaseRecordType.Type)
            {
                Description = "The case's state as of a version or an instant (null if it did not exist yet).",
                Arguments = { Arg("trackingCode", NonNull(GString)), Arg("version", GInt), Arg("asOf", CasesScalars.DateTime) },
                Resolve = async ctx =>
                {
                    var (id, events) = await Read(ctx, "version");
                    return events.Count == 0 ? null : CaseState.Fold(id, events.Select(e => e.Event));
                },
            },
            new FieldDefinition("export", GString)
            {
                Description = "A case's history as a JSON file (format cases-history/1) that `audit verify --file` checks offline.",
                Arguments = { Arg("trackingCode", NonNull(GString)) },
                Resolve = async ctx =>
                {
                    var code = ctx.Argument<string>("trackingCode")!;
                    var id = await store.FindByTrackingCodeAsync(code, ctx.CancellationToken) ?? throw SchemaErrors.NotFound(code);
                    return await verifier.ExportAsync(id, code, ctx.CancellationToken);
                },
            },
            new FieldDefinition("verifyChain", NonNull(ChainReportType))
            {
                Description = "Verify one case's chain, or, without a tracking code, the whole store.",
                Arguments = { Arg("trackingCode", GString) },
                Resolve = async ctx => ctx.Argument<string>("trackingCode") is { } code
                    ? await verifier.VerifyStreamAsync(await store.FindByTrackingCodeAsync(code, ctx.CancellationToken) ?? throw SchemaErrors.NotFound(code), ctx.CancellationToken)
                    : await verifier.VerifyAllAsync(ctx.CancellationToken),
            },
        },
    };

    /// <summary>The audit root: refuses everyone but auditors and admins.</summary>
    public static FieldDefinition Root(ObjectType audit) => new("audit", NonNull(audit))
    {
        Description = "For auditors: replay and verify the event store.",
        Resolve = ctx => { ctx.Require(Role.Auditor, Role.Admin); return new ValueTask<object?>(new object()); },
    };

    async Task<(Guid Id, IReadOnlyList<StoredEvent> Events)> Read(ResolveContext ctx, string versionArg = "upToVersion")
    {
        var code = ctx.Argument<string>("trackingCode")!;
        var id = await store.FindByTrackingCodeAsync(code, ctx.CancellationToken) ?? throw SchemaErrors.NotFound(code);
        long? upTo = ctx.Arguments.TryGetValue(versionArg, out var v) && v is int version ? version : null;
        Instant? asOf = ctx.Arguments.TryGetValue("asOf", out var a) && a is Instant at ? at : null;
        return (id, await store.ReadStreamAsync(id, upTo, asOf, ctx.CancellationToken));
    }
}
