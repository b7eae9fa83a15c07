using Cases.Access;
using Cases.Domain;
using Cases.EventStore;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Schema;
using Cases.Notifications;
using Npgsql;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Notifications;

/// <summary>
/// The notifications' GraphQL fields (issue 22): a citizen turning Web Push on or off for a case in this browser
/// (with the case's secret), the VAPID public key browsers subscribe with, and the admin's agency notification
/// addresses. Every field checks who may use it before anything is read or written.
/// </summary>
public sealed class NotificationFields(
    CaseEventStore store, NpgsqlDataSource db, PushSubscriptions pushes, AgencyAddresses agencies, StaffAccounts staff,
    Serilog.ILogger log, PushSettings? push = null, VapidKeys? vapid = null)
{
    static readonly ObjectType PushPayload = new("PushNotificationsPayload")
    {
        Description = "Whether this browser is told of the case's updates.",
        Fields =
        {
            Field<(string Code, bool On)>("trackingCode", NonNull(GString), p => p.Code),
            Field<(string Code, bool On)>("enabled", NonNull(GBoolean), p => p.On),
        },
    };

    static readonly ObjectType AgencyAddressType = new("AgencyNotificationAddress")
    {
        Description = "Where an agency is told: its immediate messages and working-day digest, and the escalation of its overdue cases.",
        Fields =
        {
            Field<AgencyAddress>("agencyId", NonNull(GID), a => a.AgencyId),
            Field<AgencyAddress>("name", NonNull(GString), a => a.Name),
            Field<AgencyAddress>("email", GString, a => a.Email, "Assignments, returns and the daily digest go here; none, and they are recorded as not sent."),
            Field<AgencyAddress>("escalationEmail", GString, a => a.EscalationEmail, "The digest's overdue cases also go here."),
        },
    };

    public IEnumerable<FieldDefinition> Queries()
    {
        yield return new FieldDefinition("pushPublicKey", GString)
        {
            Description = "The server's VAPID public key (base64url), the applicationServerKey a browser subscribes with; null when Web Push is off.",
            Resolve = async ctx => vapid is null ? null : (await vapid.GetAsync(ctx.CancellationToken)).PublicKey,
        };
        yield return new FieldDefinition("agencyNotificationAddresses", ListOf(AgencyAddressType))
        {
            Description = "Admin: every agency's notification and escalation addresses.",
            Resolve = async ctx => { ctx.Require(Role.Admin); return (await agencies.ListAsync(ctx.CancellationToken)).ToList<object>(); },
        };
    }

    public IEnumerable<FieldDefinition> Mutations()
    {
        yield return new FieldDefinition("enablePushNotifications", NonNull(PushPayload))
        {
            Description = "The citizen (with the case's secret) asks to be told of the case's updates in this browser: the browser's push " +
                          "subscription (PushSubscription.toJSON()) is stored for the case. This is the consent for push on that case; " +
                          "disablePushNotifications, an unsubscribe link or erasure ends it. The endpoint must be a browser's push service.",
            Arguments =
            {
                Arg("input", NonNull(new InputObjectType("EnablePushNotificationsInput")
                {
                    Fields =
                    {
                        Arg("trackingCode", NonNull(GString)), Arg("secret", NonNull(GString), "The citizen's secret for this case."),
                        Arg("endpoint", NonNull(GString), "The push service URL the browser gave (https)."),
                        Arg("p256dh", NonNull(GString), "keys.p256dh: the browser's P-256 public key, base64url."),
                        Arg("auth", NonNull(GString), "keys.auth: the browser's 16-byte auth secret, base64url."),
                        Arg("language", CasesEnums.Language, "The notifications' language; VI by default."),
                    },
                })),
            },
            Resolve = async ctx =>
            {
                var input = (IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!;
                var (id, state) = await CitizenCase(ctx, input);
                if (push is null) throw SchemaErrors.Invalid("endpoint", "Web Push is not available on this server.");
                var (endpoint, p256dh, auth) = (input.Get<string>("endpoint")!.Trim(), input.Get<string>("p256dh")!.Trim(), input.Get<string>("auth")!.Trim());
                if (PushEndpointCheck.Problem(endpoint, p256dh, auth, push.Services, push.TestOrigins) is { } problem) throw SchemaErrors.From(problem);
                if (state.PersonalDataErased) throw SchemaErrors.Invalid("trackingCode", "The reporter's data of this case was erased; nothing more is sent about it.");
                var language = input.TryGetValue("language", out var l) && l is NotificationLanguage chosen ? chosen : NotificationLanguage.Vi;
                if (!await pushes.SaveAsync(new PushSubscriptionRow(id, endpoint, p256dh, auth, language, state.Version), ctx.CancellationToken))
                    throw SchemaErrors.Invalid("endpoint", $"This case is already followed by {PushSubscriptions.MaxPerCase} browsers.");
                Logger(ctx, id, state).ForContext("Recipient", PushSubscriptionRow.RecipientOf(endpoint)).Information("Web Push turned on for the case");
                return (state.TrackingCode, true);
            },
        };
        yield return new FieldDefinition("disablePushNotifications", NonNull(PushPayload))
        {
            Description = "The citizen (with the case's secret) stops the case's push notifications in this browser.",
            Arguments =
            {
                Arg("input", NonNull(new InputObjectType("DisablePushNotificationsInput")
                {
                    Fields = { Arg("trackingCode", NonNull(GString)), Arg("secret", NonNull(GString)), Arg("endpoint", NonNull(GString)) },
                })),
            },
            Resolve = async ctx =>
            {
                var input = (IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!;
                var (id, state) = await CitizenCase(ctx, input);
                await pushes.DeleteAsync(id, input.Get<string>("endpoint")!.Trim(), ctx.CancellationToken);
                Logger(ctx, id, state).Information("Web Push turned off for the case");
                return (state.TrackingCode, false);
            },
        };
        yield return new FieldDefinition("setAgencyNotificationAddress", NonNull(AgencyAddressType))
        {
            Description = "Admin: set or clear an agency's notification address and escalation address. An address left out stays as " +
                          "it is; an empty string (or null) clears it. Audited.",
            Arguments =
            {
                Arg("input", NonNull(new InputObjectType("SetAgencyNotificationAddressInput")
                {
                    Fields = { Arg("agencyId", NonNull(GID)), Arg("email", GString), Arg("escalationEmail", GString) },
                })),
            },
            Resolve = async ctx =>
            {
                var request = ctx.Require(Role.Admin);
                var input = (IReadOnlyDictionary<string, object?>)ctx.Arguments["input"]!;
                string? Given(string name) => input.TryGetValue(name, out var v) ? (v as string ?? "") : null;
                var change = new AgencyAddresses.Change(Given("email"), Given("escalationEmail"));
                if (AgencyAddresses.Problem(change) is { } problem) throw SchemaErrors.From(problem);
                var agency = input.Get<string>("agencyId")!;
                var result = await agencies.SetAsync(agency, change, ctx.CancellationToken) ?? throw SchemaErrors.Invalid("agencyId", $"Unknown agency '{agency}'.");
                await staff.AuditAsync(request.Login ?? request.Actor.Id, "agency_notification_address",
                    new { agency, before = new { result.Before.Email, result.Before.EscalationEmail }, after = new { result.After.Email, result.After.EscalationEmail } },
                    request.CorrelationId, request.ClientIpHash, ctx.CancellationToken);
                log.ForContext("CorrelationId", request.CorrelationId)
                    .Information("Agency {Agency} notification addresses set by {ActorId}", agency, request.Actor.Id);
                return result.After;
            },
        };
    }

    /// <summary>The case the input names, once its secret is proved (FORBIDDEN otherwise, as for every citizen mutation).</summary>
    async Task<(Guid Id, CaseState State)> CitizenCase(Engine.Execution.ResolveContext ctx, IReadOnlyDictionary<string, object?> input)
    {
        var code = input.Get<string>("trackingCode")!;
        var id = await store.FindByTrackingCodeAsync(code, ctx.CancellationToken) ?? throw SchemaErrors.NotFound(code);
        if (!await new CitizenSecrets(db).HoldsAsync(id, input.Get<string>("secret")!, ctx.CancellationToken))
            throw SchemaErrors.Forbidden("The secret does not match this case.");
        return (id, await store.ReadStateAsync(id, ct: ctx.CancellationToken));
    }

    Serilog.ILogger Logger(Engine.Execution.ResolveContext ctx, Guid id, CaseState state) =>
        log.ForContext("CaseId", id).ForContext("TrackingCode", state.TrackingCode).ForContext("CorrelationId", ctx.Request().CorrelationId);
}
