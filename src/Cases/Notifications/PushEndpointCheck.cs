using System.Net;
using Cases.Domain;

namespace Cases.Notifications;

/// <summary>
/// What a push subscription must be before it is stored (issue 22, bad input: "a push subscription with a foreign
/// endpoint"). The server will POST to the endpoint, so an endpoint anyone can choose would make it a request
/// forger: only https URLs of the browsers' push services are taken (or an origin the configuration names, for a
/// test double), never an address literal, a private or loopback host, a user name or another port. The keys are
/// those RFC 8291 needs: the browser's P-256 public key (65 bytes, uncompressed) and its 16-byte auth secret. Pure.
/// </summary>
public static class PushEndpointCheck
{
    /// <summary>The push services of the browsers in use (Chrome and Edge's Chromium: FCM; Firefox: Mozilla's autopush;
    /// Safari: Apple; legacy Edge: WNS). A host matches itself or, for a leading dot, any name under it.</summary>
    public static readonly IReadOnlyList<string> KnownServices =
        ["fcm.googleapis.com", "android.googleapis.com", "updates.push.services.mozilla.com", "web.push.apple.com", ".push.apple.com", ".notify.windows.com"];

    public const int MaxEndpointLength = 2048;

    public static DomainError? Problem(string? endpoint, string? p256dh, string? auth, IReadOnlyList<string> extraServices, IReadOnlyList<string> testOrigins)
    {
        if (endpoint is not { Length: > 0 and <= MaxEndpointLength } || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            return DomainError.Validation("endpoint", "The endpoint is not a URL.");
        if (!Allowed(uri, extraServices, testOrigins))
            return DomainError.Validation("endpoint", "The endpoint is not a browser's push service.");
        if (Key(p256dh) is not { Length: 65 } point || point[0] != 0x04)
            return DomainError.Validation("p256dh", "p256dh is not a P-256 public key (65 bytes, base64url).");
        if (Key(auth) is not { Length: 16 })
            return DomainError.Validation("auth", "auth is not a 16-byte secret (base64url).");
        return null;
    }

    static bool Allowed(Uri uri, IReadOnlyList<string> extraServices, IReadOnlyList<string> testOrigins)
    {
        // A test double on 127.0.0.1 is allowed only by exact origin, and only when the configuration names it.
        if (testOrigins.Any(o => string.Equals(o.TrimEnd('/'), uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase)))
            return uri.UserInfo.Length == 0;
        if (uri.Scheme != Uri.UriSchemeHttps || !uri.IsDefaultPort || uri.UserInfo.Length > 0 || uri.HostNameType != UriHostNameType.Dns)
            return false;
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (host is "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal) || IPAddress.TryParse(host, out _)) return false;
        return KnownServices.Concat(extraServices).Any(s => s.StartsWith('.') ? host.EndsWith(s, StringComparison.Ordinal) && host.Length > s.Length : host == s);
    }

    /// <summary>base64url (with or without padding) as browsers give <c>PushSubscription.toJSON().keys</c>; null when it is not.</summary>
    public static byte[]? Key(string? value)
    {
        if (value is not { Length: > 0 and < 200 }) return null;
        var t = value.Trim().TrimEnd('=').Replace('-', '+').Replace('_', '/');
        try { return Convert.FromBase64String(t + new string('=', (4 - t.Length % 4) % 4)); }
        catch (FormatException) { return null; }
    }
}
