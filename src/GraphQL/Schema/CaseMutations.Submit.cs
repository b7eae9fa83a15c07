using Cases.Domain;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Types;
using Cases.Handlers;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

public sealed partial class CaseMutations
{
    static readonly InputObjectType ReporterInput = new("ReporterInput")
    {
        Description = "How to reach the reporter. Kept apart from the case's events and never shown to the public.",
        Fields = { Arg("name", GString), Arg("phone", GString), Arg("email", GString), Arg("address", GString) },
    };

    static readonly InputObjectType SubmitCaseInput = new("SubmitCaseInput")
    {
        Fields =
        {
            Arg("kind", NonNull(CasesEnums.Kind)),
            new InputValueDefinition("channel", NonNull(CasesEnums.Channel)) { DefaultValue = Channel.App },
            Arg("category", NonNull(GString), "A field-report category or, for a dossier, the procedure."),
            Arg("description", NonNull(GString)),
            Arg("ward", GString, "One of the province's wards (knownWards). Left out, it is the ward whose centre is nearest the location."),
            Arg("location", GeoPointInput),
            Arg("mediaRefs", new ListType(NonNull(GString)), "Up to 5 photos: the ids POST /media answered, within a day of uploading."),
            Arg("reporter", ReporterInput),
            new InputValueDefinition("notify", new ListType(NonNull(CasesEnums.NotificationChannel)))
            {
                Description = "The channels the reporter agrees to be told of this case by (none by default); each needs its contact in reporter. " +
                    "Stored with the contact, with the time and the consent text's version; every message can be unsubscribed from.",
            },
            new InputValueDefinition("language", CasesEnums.Language) { DefaultValue = Cases.Notifications.NotificationLanguage.Vi, Description = "The language of the messages." },
            Arg("idempotencyKey", GString, IdempotencyKeys.Description),
        },
    };

    ObjectType? submitCasePayload;

    ObjectType SubmitCasePayload => submitCasePayload ??= new("SubmitCasePayload")
    {
        Fields =
        {
            Field<CommandOutcome.Done>("trackingCode", NonNull(GString), d => d.State.TrackingCode),
            Field<CommandOutcome.Done>("secret", GString, d => d.CitizenSecret,
                "The citizen's secret for this case, shown once: keep it to add information, rate, reopen or withdraw. Null on a replay."),
            Field<CommandOutcome.Done>("case", NonNull(CaseRecordType.Type), d => d.State),
            Field<CommandOutcome.Done>("replayed", NonNull(GBoolean), d => d.Replayed),
            ReadModelsField(),
        },
    };

    FieldDefinition Submit() => new("submitCase", SubmitCasePayload)
    {
        Description = "Submit a field report or a dossier. Anyone may; submissions are rate-limited per client.",
        Arguments = { Arg("input", NonNull(SubmitCaseInput)) },
        Resolve = SubmitAsync,
    };

    async ValueTask<object?> SubmitAsync(ResolveContext ctx)
    {
        var request = ctx.Request();
        var input = (IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!;
        // Whether this is a retry of a submission already stored under its key: looked up only when something would
        // refuse it, so a first submission pays no extra round trip.
        async Task<bool> StoredAsync() =>
            IdempotencyKeys.Scoped(request.Actor, input.Get<string>("idempotencyKey")) is { } key
            && IdempotencyKeys.Invalid(input.Get<string>("idempotencyKey")) is null
            && await store.FindProcessedAsync(key, ctx.CancellationToken) is not null;
        // A retry of a submission that was stored (its answer lost to a timeout or a dead node) gets its first result,
        // not RATE_LIMITED: else the client is told "refused" about a report that exists (found by the chaos run).
        if (await submissions.RefuseAsync(request, ctx.CancellationToken) is { } wait && !await StoredAsync())
            throw new Engine.Errors.GraphQLException($"Too many submissions from this client; try again in {(int)wait.TotalSeconds} s.",
                new Dictionary<string, object?> { ["code"] = "RATE_LIMITED", ["retryAfterSeconds"] = (int)wait.TotalSeconds });

        // Likewise a retry whose first attempt attached its photos: they are "in use" by the case it made, and the
        // handler answers the first result (found by the chaos run: the retry was refused MEDIA_IN_USE instead).
        try { await media.RequireAttachableAsync("mediaRefs", input.Strings("mediaRefs"), null, opaque: false, ctx.CancellationToken); }
        catch (Engine.Errors.GraphQLException e) when (e.Error.Extensions?.GetValueOrDefault("code") is Media.MediaError.InUse)
        {
            if (!await StoredAsync()) throw;
        }
        var location = input.Get<IReadOnlyDictionary<string, object?>>("location") is { } p
            ? new GeoPoint(p.Get<double>("latitude"), p.Get<double>("longitude")) : null;
        var reporter = input.Get<IReadOnlyDictionary<string, object?>>("reporter") is { } r
            ? new ReporterContact(r.Get<string>("name"), r.Get<string>("phone"), r.Get<string>("email"), r.Get<string>("address")) : null;
        // Consent (issue 22): checked before anything is stored, so a bad address is a typed error on its field.
        var channels = (input.Get<IEnumerable<object?>>("notify") ?? []).OfType<Cases.Notifications.NotificationChannel>().Distinct().ToList();
        var consent = channels.Count == 0 ? null
            : new Cases.Notifications.NotificationConsent(channels, input.Get<Cases.Notifications.NotificationLanguage?>("language") ?? Cases.Notifications.NotificationLanguage.Vi);
        if (Cases.Notifications.ContactCheck.Problem(reporter, consent) is { } problem) throw SchemaErrors.From(problem);
        if (reporter is not null && consent is not null) reporter = reporter with { Consent = consent };
        var submission = new CaseSubmission(input.Get<CaseKind>("kind"), input.Get<Channel>("channel"), input.Get<string>("category")!,
            input.Get<string>("description")!, location, input.Get<string>("ward") ?? "", input.Strings("mediaRefs"), reporter)
            { Client = request.Actor.Role == Role.Partner ? request.Actor.Id : null };
        var outcome = await handler.SubmitAsync(submission, Envelope(request, request.Actor, input), ctx.CancellationToken);
        return outcome switch
        {
            CommandOutcome.Done done => done,
            CommandOutcome.Refused refused => throw SchemaErrors.From(refused.Error),
            _ => throw new InvalidOperationException("Unknown outcome."),
        };
    }
}
