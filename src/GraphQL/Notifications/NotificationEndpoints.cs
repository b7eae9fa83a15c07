using System.Net;
using Cases.EventStore;
using Cases.Notifications;

namespace Cases.GraphQL.Notifications;

/// <summary>
/// The notifications' edge in the host (DESIGN 13): the channels its configuration names, and the unsubscribe link
/// every message carries. <c>GET /notifications/unsubscribe?t=…</c> shows a page that asks to confirm (a mail
/// scanner following links must not unsubscribe anyone); <c>POST</c> to the same address unsubscribes, from that
/// page's button or from a mail client's one-click (RFC 8058, body <c>List-Unsubscribe=One-Click</c>), and confirms.
/// </summary>
public static class NotificationEndpoints
{
    public static void AddCasesNotifications(this WebApplicationBuilder builder)
    {
        if (SmtpSettings.Read(builder.Configuration) is { } smtp)
            builder.Services.AddSingleton<INotificationChannel>(_ => new EmailChannel(smtp)); // the container closes its connections
        foreach (var (name, make) in new (string, Func<GatewaySettings, INotificationChannel>)[]
                 { ("Sms", g => new SmsChannel(new HttpClient(), g)), ("Zalo", g => new ZaloChannel(new HttpClient(), g)) })
            if (GatewaySettings.Read(builder.Configuration, name) is { } gateway)
            {
                var channel = make(gateway);
                builder.Services.AddSingleton(channel);
                builder.Services.AddKeyedSingleton(name, gateway);
            }
        if (PushSettings.Read(builder.Configuration) is { } push)
        {
            builder.Services.AddSingleton(push);
            builder.Services.AddSingleton<VapidKeys>();
            builder.Services.AddSingleton<INotificationChannel>(sp => new PushChannel(new HttpClient(), push, sp.GetRequiredService<VapidKeys>()));
        }
        builder.Services.AddSingleton<AgencyAddresses>();
        builder.Services.AddSingleton(sp => new NotificationFields(sp.GetRequiredService<CaseEventStore>(), sp.GetRequiredService<Npgsql.NpgsqlDataSource>(),
            sp.GetRequiredService<PushSubscriptions>(), sp.GetRequiredService<AgencyAddresses>(), sp.GetRequiredService<Access.StaffAccounts>(),
            sp.GetRequiredService<Serilog.ILogger>(), sp.GetService<PushSettings>(), sp.GetService<VapidKeys>()));
        builder.Services.AddSingleton<AgencyDigest>();
        if (builder.Configuration.GetValue("Notifications:Digest:Enabled", true)) builder.Services.AddHostedService<AgencyDigestTimer>();
    }

    public static void MapNotifications(this WebApplication app)
    {
        app.MapGet("/notifications/unsubscribe", async (string? t, string? lang, UnsubscribeTokens tokens, CaseEventStore store, CancellationToken ct) =>
        {
            var en = lang == "en";
            if (await tokens.ReadAsync(t, ct) is not { } link) return Invalid(en);
            var code = (await store.ReadStateAsync(link.CaseId, ct: ct)).TrackingCode;
            var question = (link.Scope, en) switch
            {
                (UnsubscribeScope.Case, false) => $"Ngừng nhận thông báo về phản ánh {code}?",
                (UnsubscribeScope.Case, true) => $"Stop messages about report {code}?",
                (_, false) => "Ngừng nhận mọi thông báo gửi tới địa chỉ này?",
                (_, true) => "Stop every message to this address?",
            };
            var form = $"""
                <form method="post" action="/notifications/unsubscribe?t={WebUtility.UrlEncode(t)}&amp;lang={(en ? "en" : "vi")}">
                  <button type="submit" id="confirm-unsubscribe">{(en ? "Unsubscribe" : "Ngừng nhận")}</button>
                </form>
                """;
            return Page(en, question, form, 200);
        });
        app.MapPost("/notifications/unsubscribe", async (string? t, string? lang, UnsubscribeTokens tokens, CaseEventStore store,
            ReporterContacts contacts, PushSubscriptions pushes, Serilog.ILogger log, HttpContext http, CancellationToken ct) =>
        {
            var en = lang == "en";
            if (await tokens.ReadAsync(t, ct) is not { } link) return Invalid(en);
            var state = await store.ReadStateAsync(link.CaseId, ct: ct);
            // The browsers following the case stop too: "no more messages about this report" means push as well.
            await pushes.DeleteCaseAsync(link.CaseId, ct);
            // After erasure there is no one left to stop: the link still confirms, and nothing is sent anyway.
            if (state.ReporterRef is { } reporterRef && !state.PersonalDataErased && await contacts.ReadAsync(reporterRef, ct) is { } reach)
            {
                await contacts.SwitchOffAsync(reporterRef, Enum.GetValues<NotificationChannel>(), "unsubscribed", ct);
                if (link.Scope == UnsubscribeScope.Everything)
                    await contacts.OptOutAsync(new[] { reach.Address(NotificationChannel.Email), reach.Address(NotificationChannel.Sms) }.OfType<string>(), ct);
            }
            log.ForContext("CaseId", link.CaseId).ForContext("TrackingCode", state.TrackingCode)
                .ForContext("CorrelationId", http.TraceIdentifier).Information("Unsubscribed ({Scope})", link.Scope);
            var done = (link.Scope, en) switch
            {
                (UnsubscribeScope.Case, false) => $"Bạn sẽ không nhận thêm thông báo nào về phản ánh {state.TrackingCode}.",
                (UnsubscribeScope.Case, true) => $"You will receive no more messages about report {state.TrackingCode}.",
                (_, false) => "Bạn sẽ không nhận thêm thông báo nào gửi tới địa chỉ này.",
                (_, true) => "You will receive no more messages at this address.",
            };
            return Page(en, done, "", 200);
        }).DisableAntiforgery();
    }

    /// <summary>
    /// Delivery reports: <c>POST /notifications/callback/sms?key=…</c> (<c>{"SMSID", "SendStatus"}</c>, 5 delivered,
    /// anything else failed) and <c>/zalo?key=…</c> (the OA webhook's <c>user_received_message</c> with
    /// <c>message.msg_id</c>). The key is the gateway's <c>CallbackKey</c>; without one configured, callbacks are refused.
    /// </summary>
    public static void MapDeliveryCallbacks(this WebApplication app)
    {
        app.MapPost("/notifications/callback/{gateway}", async (string gateway, string? key, HttpContext http, DeliveryRecords deliveries, CancellationToken ct) =>
        {
            var (name, channel) = gateway switch
            {
                "sms" => ("Sms", NotificationChannel.Sms),
                "zalo" => ("Zalo", NotificationChannel.Zalo),
                _ => ("", NotificationChannel.Email),
            };
            if (name == "" || http.RequestServices.GetKeyedService<GatewaySettings>(name) is not { CallbackKey: { } expected }) return Results.NotFound();
            if (key is null || !System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(key), System.Text.Encoding.UTF8.GetBytes(expected)))
                return Results.Json(new { error = "UNAUTHORIZED" }, statusCode: 401);
            System.Text.Json.Nodes.JsonNode? body;
            try { body = await System.Text.Json.Nodes.JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct); }
            catch (System.Text.Json.JsonException) { return Results.Json(new { error = "BAD_REQUEST" }, statusCode: 400); }
            var (providerId, delivered, detail) = channel == NotificationChannel.Sms
                ? (body?["SMSID"]?.ToString(), body?["SendStatus"]?.ToString() == "5", $"gateway status {body?["SendStatus"]}")
                : (body?["message"]?["msg_id"]?.ToString(), body?["event_name"]?.ToString() == "user_received_message", (string?)body?["event_name"]?.ToString());
            if (providerId is null) return Results.Json(new { error = "BAD_REQUEST" }, statusCode: 400);
            // An unknown id is acknowledged too: the provider would otherwise retry a report we can never match.
            var known = await deliveries.ReportAsync(channel, providerId, delivered, detail, ct);
            return Results.Ok(new { recorded = known });
        }).DisableAntiforgery();
    }

    static IResult Invalid(bool en) => Page(en,
        en ? "This unsubscribe link is not valid. Use the link in the message exactly as it was sent." : "Đường dẫn ngừng nhận thông báo không hợp lệ. Hãy dùng đúng đường dẫn trong thư.",
        "", 400);

    static IResult Page(bool en, string message, string form, int status) => Results.Content($"""
        <!doctype html>
        <html lang="{(en ? "en" : "vi")}">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{(en ? "Notifications" : "Thông báo")}</title><link rel="stylesheet" href="/site.css"></head>
        <body><main class="page" style="max-width:40rem;margin:2rem auto;padding:0 1rem">
          <h1>{(en ? "Notifications" : "Thông báo")}</h1>
          <p id="unsubscribe-message" role="status">{NotificationTemplates.Html(message)}</p>
          {form}
          <p><a href="/">{(en ? "Back to the site" : "Về trang chủ")}</a></p>
        </main></body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
