using System.Text.Json.Nodes;
using Cases.Notifications;

namespace Cases.GraphQL.Notifications;

/// <summary>
/// Zalo ZNS (Zalo Notification Service) in its API's shape: <c>POST /message/template</c> with the OA's
/// <c>access_token</c> header and <c>{phone, template_id, template_data, tracking_id}</c> (<c>mode: development</c> in
/// sandbox); the answer's <c>error</c> is 0 when accepted, with <c>data.msg_id</c> kept for the delivery callback.
/// The template ids are configured per kind (<c>Notifications:Zalo:Templates:resolved</c> ...); a kind without one
/// is a configuration error.
/// </summary>
public sealed class ZaloChannel(HttpClient http, GatewaySettings settings) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Zalo;

    /// <summary>
    /// ZNS error codes: -124 (access token invalid), -131/-132 (template not approved or wrong parameters) and -133
    /// (outside the OA's quota settings) are ours to fix; -108 (phone invalid), -118 (no Zalo account), -119 (the
    /// account cannot receive ZNS) and -139 (the user refused ZNS) are the number's, for good; anything else retried.
    /// </summary>
    public static SendResult? Classify(int error, string? message) => error switch
    {
        0 => null,
        -124 or -131 or -132 or -133 => throw new NotificationConfigurationException($"ZNS {error}: {message}"),
        -108 or -118 or -119 or -139 => new SendResult.Permanent($"ZNS {error}: {message}"),
        _ => throw new NotificationTransientException($"ZNS {error}: {message}"),
    };

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        if (!settings.Templates.TryGetValue(message.Content.TemplateId, out var template) && !settings.Templates.TryGetValue("updates", out template))
            throw new NotificationConfigurationException($"no ZNS template configured for {message.Content.TemplateId}");
        var data = new JsonObject();
        foreach (var (k, v) in message.Content.Parameters) data[k] = v;
        var body = new JsonObject
        {
            ["phone"] = message.Address, ["template_id"] = template, ["template_data"] = data, ["tracking_id"] = message.MessageId.ToString("N"),
        };
        if (settings.Sandbox) body["mode"] = "development";
        var answer = await Gateway.PostAsync(http, settings, body, ct, new Dictionary<string, string> { ["access_token"] = settings.Key });
        var error = answer["error"]?.GetValue<int>() ?? -1;
        return Classify(error, answer["message"]?.ToString()) ?? new SendResult.Accepted(answer["data"]?["msg_id"]?.ToString());
    }
}
