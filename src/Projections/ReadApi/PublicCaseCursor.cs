using System.Buffers.Text;
using System.Globalization;
using System.Text;
using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>
/// The opaque keyset cursor of the public case list: the last item's sort key (received_at, tracking_code) as
/// base64url. Opaque so clients cannot build one by hand and we can change it; versioned so we can tell.
/// </summary>
public static class PublicCaseCursor
{
    public static string Encode(Instant receivedAt, string trackingCode) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"v1|{(receivedAt - NodaConstants.UnixEpoch).ToInt64Nanoseconds() / 1000}|{trackingCode}"));

    /// <exception cref="ArgumentException">The cursor was not made by <see cref="Encode"/>.</exception>
    public static (Instant ReceivedAt, string TrackingCode) Decode(string cursor)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|', 3);
            if (parts is ["v1", var micros, var code] && long.TryParse(micros, NumberStyles.None, CultureInfo.InvariantCulture, out var us))
                return (NodaConstants.UnixEpoch + Duration.FromNanoseconds(us * 1000), code);
        }
        catch (FormatException) { }
        throw new ArgumentException("Invalid cursor.", nameof(cursor));
    }
}
