using System.Security.Cryptography;

namespace Cases.Notifications;

/// <summary>What an unsubscribe link stops: this case's messages, or every message to the address.</summary>
public enum UnsubscribeScope { Case, Everything }

/// <summary>
/// Unsubscribe links: the case id and the scope, signed with HMAC-SHA256 under a key kept in the database, so a
/// link cannot be forged for another case or widened from one case to everything. A link used twice does the
/// same thing twice (nothing more): the second click confirms again.
/// </summary>
public sealed class UnsubscribeTokens(NotificationKeys keys)
{
    public async Task<string> IssueAsync(Guid caseId, UnsubscribeScope scope, CancellationToken ct = default)
    {
        var payload = new byte[17];
        caseId.TryWriteBytes(payload);
        payload[16] = (byte)(scope == UnsubscribeScope.Everything ? 'a' : 'c');
        var mac = HMACSHA256.HashData(await keys.UnsubscribeKeyAsync(ct), payload)[..16];
        return Base64Url(payload) + "." + Base64Url(mac);
    }

    /// <summary>The case and scope a genuine token names, or null for anything altered or malformed.</summary>
    public async Task<(Guid CaseId, UnsubscribeScope Scope)?> ReadAsync(string? token, CancellationToken ct = default)
    {
        if (token?.Split('.') is not [var p, var m]) return null;
        byte[] payload, mac;
        try
        {
            payload = FromBase64Url(p);
            mac = FromBase64Url(m);
        }
        catch (FormatException)
        {
            return null;
        }
        if (payload.Length != 17 || payload[16] is not ((byte)'a' or (byte)'c')) return null;
        var expected = HMACSHA256.HashData(await keys.UnsubscribeKeyAsync(ct), payload)[..16];
        if (!CryptographicOperations.FixedTimeEquals(expected, mac)) return null;
        return (new Guid(payload.AsSpan(0, 16)), payload[16] == 'a' ? UnsubscribeScope.Everything : UnsubscribeScope.Case);
    }

    static string Base64Url(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static byte[] FromBase64Url(string s)
    {
        var t = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(t + new string('=', (4 - t.Length % 4) % 4));
    }
}
