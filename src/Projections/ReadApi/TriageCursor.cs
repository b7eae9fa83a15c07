using System.Text;
using System.Text.Json;

namespace Cases.Projections.ReadApi;

/// <summary>
/// A keyset cursor over a work list: the values of the list's sort key for the last item shown, as PostgreSQL
/// prints them (so they go back as parameters unchanged, to the microsecond), in URL-safe base64 JSON. Opaque to
/// clients; one that does not decode is refused by the caller as a bad <c>after</c>.
/// </summary>
public static class TriageCursor
{
    public static string Encode(IReadOnlyList<string> key) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string[]? Decode(string? cursor, int parts)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            b64 += new string('=', (4 - b64.Length % 4) % 4);
            var key = JsonSerializer.Deserialize<string[]>(Encoding.UTF8.GetString(Convert.FromBase64String(b64)));
            return key is { Length: var n } && n == parts && key.All(k => k is not null) ? key : throw new FormatException();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new FormatException("The cursor is not one this list gave.", e);
        }
    }
}
