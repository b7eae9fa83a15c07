using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cases.GraphQL.Tests.Notifications;

/// <summary>
/// The SMS brandname gateway (eSMS's JSON shape, at <c>/esms</c>) and Zalo ZNS (<c>/zns</c>) as test doubles on
/// 127.0.0.1, answering with the providers' shapes and error codes by the phone number's last four digits:
/// 0000 a permanent refusal (eSMS 118, ZNS -118), 1111 our configuration's fault (eSMS 101, ZNS -124), 5000 HTTP
/// 500, 9999 no answer within 5 s; anything else is accepted. Every request is kept.
/// </summary>
public sealed class GatewayDouble : IAsyncDisposable
{
    public const string ZaloToken = "zalo-oa-token";
    readonly WebApplication app;
    public ConcurrentQueue<(string Path, JsonObject Body, string? Token)> Requests { get; } = new();
    public string Url { get; }

    GatewayDouble(WebApplication app, string url) => (this.app, Url) = (app, url);

    public IEnumerable<JsonObject> To(string path, string phone) => Requests.Where(r => r.Path == path && (r.Body["Phone"] ?? r.Body["phone"])?.ToString() == phone).Select(r => r.Body);

    public static async Task<GatewayDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        GatewayDouble? self = null;
        app.MapPost("/esms", async (HttpContext http) =>
        {
            var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
            self!.Requests.Enqueue(("/esms", body, null));
            var phone = body["Phone"]!.ToString();
            return await Answer(phone,
                () => new JsonObject { ["CodeResult"] = "100", ["CountRegenerate"] = 0, ["SMSID"] = "sms-" + body["RequestId"] },
                () => new JsonObject { ["CodeResult"] = "118", ["ErrorMessage"] = "Phone number is invalid" },
                () => new JsonObject { ["CodeResult"] = "101", ["ErrorMessage"] = "Authorize Failed" });
        });
        app.MapPost("/zns", async (HttpContext http) =>
        {
            var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
            var token = http.Request.Headers["access_token"].ToString();
            self!.Requests.Enqueue(("/zns", body, token));
            if (token != ZaloToken) return Results.Json(new JsonObject { ["error"] = -124, ["message"] = "Access token is invalid" });
            return await Answer(body["phone"]!.ToString(),
                () => new JsonObject { ["error"] = 0, ["message"] = "Success", ["data"] = new JsonObject { ["msg_id"] = "zns-" + body["tracking_id"], ["sent_time"] = "1733300000000" } },
                () => new JsonObject { ["error"] = -118, ["message"] = "Zalo account not existed" },
                () => new JsonObject { ["error"] = -124, ["message"] = "Access token is invalid" });
        });
        await app.StartAsync();
        self = new GatewayDouble(app, app.Urls.First());
        return self;
    }

    static async Task<IResult> Answer(string phone, Func<JsonObject> ok, Func<JsonObject> permanent, Func<JsonObject> configuration)
    {
        switch (phone[^4..])
        {
            case "0000": return Results.Json(permanent());
            case "1111": return Results.Json(configuration());
            case "5000": return Results.StatusCode(500);
            case "9999": await Task.Delay(TimeSpan.FromSeconds(5)); return Results.Json(ok());
            default: return Results.Json(ok());
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
