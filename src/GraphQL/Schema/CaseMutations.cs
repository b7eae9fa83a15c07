using Cases.Access;
using Cases.Domain;
using Cases.EventStore;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Types;
using Cases.Handlers;
using NodaTime;
using Npgsql;
using static Cases.Domain.CaseCommand;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>
/// One mutation per command (DESIGN 6.2). Every mutation names its case by tracking code, may carry an
/// idempotency key (scoped to the caller) and the version it expects, and returns the case as the write side
/// knows it right after the command. Who may act is decided by the domain (CaseRules); citizens prove a case
/// with the secret they were given at submission.
/// </summary>
public sealed partial class CaseMutations(
    CaseCommands handler, CaseEventStore store, CitizenSecrets secrets, NpgsqlDataSource db, SubmissionLimits submissions,
    Media.MediaCatalog media, Cases.Projections.ReadApi.ReadYourWrites writes)
{
    ObjectType? casePayload;

    ObjectType CasePayload => casePayload ??= new("CasePayload")
    {
        Description = "The case after a command.",
        Fields =
        {
            Field<CommandOutcome.Done>("case", NonNull(CaseRecordType.Type), d => d.State),
            Field<CommandOutcome.Done>("replayed", NonNull(GBoolean), d => d.Replayed, "True when the idempotency key was seen before: this is the first result, and nothing was appended."),
            Field<CommandOutcome.Done>("events", ListOf(GString), d => d.NewEvents.Select(EventTypes.AliasOf).ToList(), "What the command appended (empty when replayed or when nothing changed)."),
            ReadModelsField(),
        },
    };

    static readonly InputObjectType GeoPointInput = new("GeoPointInput")
    {
        Description = "WGS84 degrees; must lie within the province.",
        Fields = { Arg("latitude", NonNull(GFloat)), Arg("longitude", NonNull(GFloat)) },
    };

    /// <summary>The mutations, in the order of a case's life.</summary>
    public ObjectType Build() => new("Mutation")
    {
        Fields =
        {
            Submit(),
            Command("verifyCase", "Verify a report, or accept a dossier at the one-stop desk (starting its statutory clock).",
                [Arg("note", GString), Arg("publicSummary", GString,
                    "What the public reads of the report. Without it, the citizen's description with phone numbers and e-mail addresses masked.")],
                i => new VerifyCase(i.Get<string>("note"), i.Get<string>("publicSummary"))),
            Command("setPublicSummary", "The center edits a verified report's public summary (to take out a name, a phone number, an address).",
                [Arg("summary", NonNull(GString))], i => new SetPublicSummary(i.Get<string>("summary")!)),
            Command("rejectCase", "Reject a report at verification, or refuse a dossier.", [Arg("reason", NonNull(GString))], i => new RejectCase(i.Get<string>("reason")!)),
            Command("classifyCase", "Set category, priority and ward. The clock keeps running.", [Arg("category", NonNull(GString)), Arg("priority", NonNull(CasesEnums.Priority)), Arg("ward", NonNull(GString))],
                i => new ClassifyCase(i.Get<string>("category")!, i.Get<Priority>("priority"), i.Get<string>("ward")!)),
            Command("linkDuplicate", "Close a report as a duplicate of an earlier one; its reporter follows the master.", [Arg("masterTrackingCode", NonNull(GString))], LinkDuplicate),
            Command("assignCase", "Assign to a lead agency, optionally with supporting agencies.", [Arg("leadAgency", NonNull(GID)), Arg("supportingAgencies", new ListType(NonNull(GID)))], Assign),
            Command("acceptAssignment", "The assigned agency takes the case.", [], _ => new AcceptAssignment()),
            Command("declineAssignment", "The assigned agency hands the case back to the center.", [Arg("reason", NonNull(GString))], i => new DeclineAssignment(i.Get<string>("reason")!)),
            Command("transferCase", "Move the case to another agency; the clock keeps running.", [Arg("toAgency", NonNull(GID)), Arg("reason", NonNull(GString))], Transfer),
            Command("noteProgress", "A public note on what is being done, with up to 5 photos of the work (ids from POST /media), public with the note as a case's progressPhotos.",
                [Arg("publicText", NonNull(GString)), Arg("mediaRefs", new ListType(NonNull(GString)))],
                async (i, caseId) =>
                {
                    var refs = i.Strings("mediaRefs");
                    await media.RequireAttachableAsync("mediaRefs", refs, caseId, opaque: false, default);
                    return new NoteProgress(i.Get<string>("publicText")!) { MediaRefs = refs };
                }),
            Command("requestInformation", "Ask the citizen for more; the clock pauses (or restarts when answered, by policy).", [Arg("question", NonNull(GString))], i => new RequestInformation(i.Get<string>("question")!)),
            Command("provideInformation", "The citizen answers a request for information, with up to 5 photos (ids from POST /media).",
                [Arg("text", NonNull(GString)), Arg("secret", GString, "The citizen's secret for this case."), Arg("mediaRefs", new ListType(NonNull(GString)))],
                async (i, caseId) =>
                {
                    var refs = i.Strings("mediaRefs");
                    await media.RequireAttachableAsync("mediaRefs", refs, caseId, opaque: false, default);
                    return new ProvideInformation(i.Get<string>("text")!) { MediaRefs = refs };
                }, citizen: true),
            Command("grantExtension", "Approve a later due time for a report; the original stays on record.", [Arg("newDueAt", NonNull(CasesScalars.DateTime)), Arg("reason", NonNull(GString))],
                i => new GrantExtension(i.Get<Instant>("newDueAt"), i.Get<string>("reason")!)),
            Command("issueApology", "The legally required apology for a dossier that will be late. At most once; the dossier still counts late.",
                [Arg("newDueAt", NonNull(CasesScalars.DateTime)), Arg("reason", NonNull(GString))], i => new IssueApology(i.Get<Instant>("newDueAt"), i.Get<string>("reason")!)),
            Command("resolveCase", "Resolve with a public answer; fixes on time or late. Evidence that names an upload (an id from POST /media) is published as the case's after photos.",
                [Arg("publicAnswer", NonNull(GString)), Arg("evidenceRefs", new ListType(NonNull(GString)))],
                async (i, caseId) =>
                {
                    var refs = i.Strings("evidenceRefs");
                    await media.RequireAttachableAsync("evidenceRefs", refs, caseId, opaque: true, default);
                    return new ResolveCase(i.Get<string>("publicAnswer")!, refs);
                }),
            Command("returnResolution", "The center sends a resolution back for rework; the clock resumes.", [Arg("reason", NonNull(GString))], i => new ReturnResolution(i.Get<string>("reason")!)),
            Command("rateCase", "The citizen rates the result from 1 to 5.", [Arg("score", NonNull(GInt)), Arg("comment", GString), Arg("secret", NonNull(GString))],
                i => new RateCase(i.Get<int>("score"), i.Get<string>("comment")), citizen: true),
            Command("reopenCase", "The citizen reopens a report that was not really fixed: a new cycle.", [Arg("reason", NonNull(GString)), Arg("secret", NonNull(GString))],
                i => new ReopenCase(i.Get<string>("reason")!), citizen: true),
            Command("withdrawCase", "The citizen withdraws the case.", [Arg("reason", NonNull(GString)), Arg("secret", NonNull(GString))], i => new WithdrawCase(i.Get<string>("reason")!), citizen: true),
            Command("closeCase", "The center closes the case.", [Arg("reason", NonNull(GString))], i => new CloseCase(i.Get<string>("reason")!)),
        },
    };

    FieldDefinition Command(string name, string description, InputValueDefinition[] fields,
        Func<IReadOnlyDictionary<string, object?>, CaseCommand> toCommand, bool citizen = false) =>
        Command(name, description, fields, (input, _) => Task.FromResult(toCommand(input)), citizen);

    /// <summary>A mutation whose command needs a look-up first (an agency, a master case).</summary>
    FieldDefinition Command(string name, string description, InputValueDefinition[] fields,
        Func<IReadOnlyDictionary<string, object?>, Task<CaseCommand>> toCommand, bool citizen = false) =>
        Command(name, description, fields, (input, _) => toCommand(input), citizen);

    /// <summary>A mutation whose look-up needs the case (media it may attach).</summary>
    FieldDefinition Command(string name, string description, InputValueDefinition[] fields,
        Func<IReadOnlyDictionary<string, object?>, Guid, Task<CaseCommand>> toCommand, bool citizen = false)
    {
        var input = new InputObjectType(char.ToUpperInvariant(name[0]) + name[1..] + "Input")
        {
            Fields =
            {
                Arg("trackingCode", NonNull(GString), "The case, e.g. HUE-2026-004211."),
                Arg("idempotencyKey", GString, IdempotencyKeys.Description),
                Arg("expectedVersion", GInt, "Act only if the case is still at this version; otherwise CASE_CONCURRENCY_CONFLICT."),
            },
        };
        foreach (var f in fields) input.Fields.Add(f);
        return new FieldDefinition(name, CasePayload)
        {
            Description = description,
            Arguments = { Arg("input", NonNull(input)) },
            Resolve = ctx => Run(ctx, toCommand, citizen),
        };
    }

    async ValueTask<object?> Run(ResolveContext ctx, Func<IReadOnlyDictionary<string, object?>, Guid, Task<CaseCommand>> toCommand, bool citizen)
    {
        var request = ctx.Request();
        var input = (IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!;
        var code = input.Get<string>("trackingCode")!;
        var id = await store.FindByTrackingCodeAsync(code, ctx.CancellationToken) ?? throw SchemaErrors.NotFound(code);
        var actor = request.Actor;
        if (citizen && input.Get<string>("secret") is { } secret)
        {
            if (!await secrets.HoldsAsync(id, secret, ctx.CancellationToken))
                throw SchemaErrors.Forbidden("The secret does not match this case.");
            actor = new Actor($"citizen:{code}", Role.Citizen);
        }
        var command = await toCommand(input, id);
        var outcome = await handler.HandleAsync(id, command, Envelope(request, actor, input), ctx.CancellationToken);
        return outcome switch
        {
            CommandOutcome.Done done => done,
            CommandOutcome.Refused refused => throw SchemaErrors.From(refused.Error),
            _ => throw new InvalidOperationException("Unknown outcome."),
        };
    }

    static CommandEnvelope Envelope(RequestContext request, Actor actor, IReadOnlyDictionary<string, object?> input)
    {
        var key = input.Get<string>("idempotencyKey");
        if (IdempotencyKeys.Invalid(key) is { } invalid) throw SchemaErrors.From(invalid);
        return new(actor, request.CorrelationId,
            IdempotencyKey: IdempotencyKeys.Scoped(actor, key),
            ExpectedVersion: input.TryGetValue("expectedVersion", out var v) && v is int version ? version : null,
            ClientIpHash: request.ClientIpHash);
    }

    async Task<CaseCommand> LinkDuplicate(IReadOnlyDictionary<string, object?> input)
    {
        var master = input.Get<string>("masterTrackingCode")!;
        var masterId = await store.FindByTrackingCodeAsync(master) ?? throw SchemaErrors.Invalid("masterTrackingCode", $"No case {master}.");
        // When the master was received: the decider refuses to close a report into a newer one (issue 20).
        var received = (await store.ReadStreamAsync(masterId, upToVersion: 1))[0].Event.At;
        return new LinkDuplicate(masterId) { MasterReceivedAt = received };
    }

    async Task<CaseCommand> Assign(IReadOnlyDictionary<string, object?> input)
    {
        var lead = input.Get<string>("leadAgency")!;
        var supporting = input.Strings("supportingAgencies");
        await RequireAgencies("leadAgency", [lead]);
        await RequireAgencies("supportingAgencies", supporting);
        return new AssignCase(lead, supporting);
    }

    async Task<CaseCommand> Transfer(IReadOnlyDictionary<string, object?> input)
    {
        var to = input.Get<string>("toAgency")!;
        await RequireAgencies("toAgency", [to]);
        return new TransferCase(to, input.Get<string>("reason")!);
    }

    /// <summary>
    /// Agencies are reference data: a command naming one that does not exist, or one a reform ended (issue 24: named
    /// with its successor), is refused before deciding.
    /// </summary>
    async Task RequireAgencies(string field, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return;
        await using var cmd = db.CreateCommand("""
            select a.id, a.ended_on, a.successor, s.name from cases.agencies a left join cases.agencies s on s.id = a.successor
            where a.id = any($1)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        var known = new Dictionary<string, (DateOnly? EndedOn, string? Successor, string? SuccessorName)>();
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
                known[r.GetString(0)] = (r.IsDBNull(1) ? null : r.GetFieldValue<DateOnly>(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
        if (ids.FirstOrDefault(id => !known.ContainsKey(id)) is { } unknown) throw SchemaErrors.Invalid(field, $"Unknown agency '{unknown}'.");
        if (ids.FirstOrDefault(id => known[id].EndedOn is not null) is { } ended)
        {
            var (endedOn, successor, name) = known[ended];
            throw new GraphQLException($"The agency '{ended}' no longer exists since {endedOn:yyyy-MM-dd}: its successor is '{successor}' ({name}).",
                new Dictionary<string, object?>
                {
                    ["code"] = DomainError.ValidationFailed, ["field"] = field, ["reason"] = "former", ["successor"] = successor, ["successorName"] = name,
                    ["since"] = endedOn?.ToString("yyyy-MM-dd"),
                });
        }
    }
}
