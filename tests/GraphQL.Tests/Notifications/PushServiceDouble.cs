using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Cases.GraphQL.Tests.Notifications;

/// <summary>
/// A push service (RFC 8030) as a test double on 127.0.0.1: <c>POST /push/{id}</c> as FCM or autopush take it. It
/// decrypts nothing, but refuses (400) a request without what every push service requires: a VAPID
/// <c>Authorization: vapid t=&lt;JWT&gt;, k=&lt;key&gt;</c> (RFC 8292), <c>Content-Encoding: aes128gcm</c> with a body
/// at least as long as its 86-byte header (RFC 8188, RFC 8291) and a <c>TTL</c>. Then it answers by the id's first
/// word: <c>gone</c> 410, <c>missing</c> 404, <c>busy</c> 429, <c>down</c> 500, anything else 201 Created.
/// Every request is kept.
/// </summary>
public sealed class PushServiceDouble : IAsyncDisposable
{
    public sealed record Request(string Id, string Authorization, string? ContentEncoding, string? Ttl, int BodyLength, int Status);

    readonly WebApplication app;
    public ConcurrentQueue<Request> Requests { get; } = new();
    public string Url { get; }

    PushServiceDouble(WebApplication app, string url) => (this.app, Url) = (app, url);

    public IReadOnlyList<Request> To(string id) => [.. Requests.Where(r => r.Id == id)];

    public static async Task<PushServiceDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        PushServiceDouble? self = null;
        app.MapPost("/push/{id}", async (string id, HttpContext http) =>
        {
            var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var authorization = http.Request.Headers.Authorization.ToString();
            var encoding = http.Request.Headers.ContentEncoding.ToString();
            var ttl = http.Request.Headers["TTL"].ToString();
            var wellFormed = authorization.StartsWith("vapid t=", StringComparison.Ordinal) && authorization.Contains(", k=")
                             && authorization["vapid t=".Length..].Split(',')[0].Split('.').Length == 3
                             && encoding == "aes128gcm" && body.Length > 86 && ttl.Length > 0;
            var status = !wellFormed ? 400 : id.Split('-')[0] switch
            {
                "gone" => 410, "missing" => 404, "busy" => 429, "down" => 500, _ => 201,
            };
            self!.Requests.Enqueue(new Request(id, authorization, encoding, ttl, (int)body.Length, status));
            if (status == 201) http.Response.Headers.Location = $"/message/{Guid.NewGuid():N}";
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        self = new PushServiceDouble(app, app.Urls.First());
        return self;
    }

    /// <summary>A browser's subscription keys, as <c>PushSubscription.toJSON().keys</c> gives them: a fresh P-256 public key and auth secret.</summary>
    public static (string P256dh, string Auth) BrowserKeys()
    {
        using var ec = System.Security.Cryptography.ECDiffieHellman.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var q = ec.ExportParameters(false).Q;
        return (B64([0x04, .. q.X!, .. q.Y!]), B64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
    }

    static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
