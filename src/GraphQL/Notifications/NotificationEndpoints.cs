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
            builder.Services.AddSingleton<INotificationChannel>(new EmailChannel(smtp));
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
            ReporterContacts contacts, Serilog.ILogger log, HttpContext http, CancellationToken ct) =>
        {
            var en = lang == "en";
            if (await tokens.ReadAsync(t, ct) is not { } link) return Invalid(en);
            var state = await store.ReadStateAsync(link.CaseId, ct: ct);
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
