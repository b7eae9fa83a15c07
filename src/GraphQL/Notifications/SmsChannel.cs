using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cases.Notifications;

namespace Cases.GraphQL.Notifications;

/// <summary><c>Notifications:Sms:*</c> (and <c>Notifications:Zalo:*</c>): an HTTP gateway. No <c>Url</c>, no channel.</summary>
public sealed record GatewaySettings(Uri Url, string Key, string? Secret, string? Sender, bool Sandbox, TimeSpan Timeout, IReadOnlyDictionary<string, string> Templates, string? CallbackKey)
{
    public static GatewaySettings? Read(IConfiguration config, string name)
    {
        var s = config.GetSection($"Notifications:{name}");
        if (s["Url"] is not { Length: > 0 } url) return null;
        return new GatewaySettings(new Uri(url), s["Key"] ?? "", s["Secret"], s["Sender"], s.GetValue("Sandbox", false),
            TimeSpan.FromSeconds(s.GetValue("TimeoutSeconds", 10)),
            s.GetSection("Templates").GetChildren().ToDictionary(c => c.Key, c => c.Value ?? ""), s["CallbackKey"] is { Length: > 0 } k ? k : null);
    }
}

/// <summary>
/// SMS brandname through an HTTP gateway in the shape of Vietnam's common brandname APIs (eSMS's
/// <c>SendMultipleMessage_V4_post_json</c>): the brandname, the registered template's text filled in, the phone, our
/// delivery id as <c>RequestId</c>, <c>Sandbox</c> from configuration; the answer's <c>CodeResult</c> is 100 when
/// accepted, with the provider's <c>SMSID</c> kept for the delivery callback. The codes are classed in
/// <see cref="Classify"/>.
/// </summary>
public sealed class SmsChannel(HttpClient http, GatewaySettings settings) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Sms;

    /// <summary>eSMS's result codes: 100 accepted; ours to fix (credentials, balance, brandname, template); the number's fault; else retried.</summary>
    public static SendResult? Classify(string code, string? message) => code switch
    {
        "100" => null,
        "101" or "102" or "103" or "104" or "146" => throw new NotificationConfigurationException($"SMS gateway {code}: {message}"),
        "118" or "119" or "131" or "132" => new SendResult.Permanent($"SMS gateway {code}: {message}"),
        _ => throw new NotificationTransientException($"SMS gateway {code}: {message}"),
    };

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["ApiKey"] = settings.Key, ["SecretKey"] = settings.Secret, ["Brandname"] = settings.Sender, ["SmsType"] = "2",
            ["Phone"] = message.Address, ["Content"] = Short(message.Content), ["RequestId"] = message.MessageId.ToString("N"),
            ["Sandbox"] = settings.Sandbox ? "1" : "0",
        };
        var answer = await Gateway.PostAsync(http, settings, body, ct);
        var code = answer["CodeResult"]?.ToString() ?? "";
        return Classify(code, answer["ErrorMessage"]?.ToString()) ?? new SendResult.Accepted(answer["SMSID"]?.ToString());
    }

    /// <summary>One SMS: the subject's line, the tracking code and, when the message has one, its first link.</summary>
    static string Short(RenderedMessage m)
    {
        var link = m.Text.Split(' ', '\n').FirstOrDefault(w => w.StartsWith("http", StringComparison.Ordinal));
        return link is null ? m.Subject : $"{m.Subject}. {link}";
    }
}

/// <summary>What the two gateways share: one POST of JSON with a time-out, the HTTP failures classed.</summary>
static class Gateway
{
    public static async Task<JsonObject> PostAsync(HttpClient http, GatewaySettings settings, JsonObject body, CancellationToken ct, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = JsonContent.Create(body) };
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(k, v);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new NotificationTransientException($"{settings.Url.Host}: {(e is OperationCanceledException ? "timed out" : e.Message)}", e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if ((int)response.StatusCode >= 500 || response.StatusCode == System.Net.HttpStatusCode.TooManyRequests)
                throw new NotificationTransientException($"{settings.Url.Host} answered {(int)response.StatusCode}");
            if (response.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.NotFound)
                throw new NotificationConfigurationException($"{settings.Url.Host} answered {(int)response.StatusCode}");
            try
            {
                return JsonNode.Parse(text) as JsonObject ?? throw new NotificationTransientException($"{settings.Url.Host}: not a JSON object");
            }
            catch (System.Text.Json.JsonException e)
            {
                throw new NotificationTransientException($"{settings.Url.Host}: {e.Message}", e);
            }
        }
    }
}
