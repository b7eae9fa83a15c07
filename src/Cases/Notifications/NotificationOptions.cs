using Microsoft.Extensions.Configuration;

namespace Cases.Notifications;

/// <summary>
/// <c>Notifications:*</c> in appsettings.json (environment <c>CASES_Notifications__...</c>). The channels' own settings
/// (SMTP, gateways, VAPID) are the host's; these are what planning and sending decide with.
/// </summary>
public sealed record NotificationOptions
{
    /// <summary>Plan notifications at all (the seeder and the benchmark's baseline turn it off).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Updates to one case within this window go out as one message (the receipt goes at once).</summary>
    public TimeSpan CoalesceWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>"Is it fixed?" this many working days after resolution, if not rated by then.</summary>
    public int RatingReminderWorkingDays { get; init; } = 5;

    /// <summary>Categories whose reports the on-duty address hears of at once.</summary>
    public IReadOnlyList<string> UrgentCategories { get; init; } = [];

    /// <summary>The center's on-duty address for urgent reports; none means the message is recorded as "no channel".</summary>
    public string? OnDutyEmail { get; init; }

    /// <summary>Where links in messages point: the public site's base URL.</summary>
    public string PublicBaseUrl { get; init; } = "http://127.0.0.1:5080";

    /// <summary>SMS and Zalo wait for morning between these local hours; e-mail and push go at once.</summary>
    public int QuietFromHour { get; init; } = 22;
    public int QuietUntilHour { get; init; } = 7;

    public static NotificationOptions From(IConfiguration config)
    {
        var s = config.GetSection("Notifications");
        var d = new NotificationOptions();
        return new NotificationOptions
        {
            Enabled = s.GetValue("Enabled", d.Enabled),
            CoalesceWindow = TimeSpan.FromSeconds(s.GetValue("CoalesceSeconds", d.CoalesceWindow.TotalSeconds)),
            RatingReminderWorkingDays = s.GetValue("RatingReminderWorkingDays", d.RatingReminderWorkingDays),
            UrgentCategories = s.GetSection("UrgentCategories").Get<string[]>() ?? [],
            OnDutyEmail = s["OnDutyEmail"] is { Length: > 0 } duty ? duty : null,
            PublicBaseUrl = (s["PublicBaseUrl"] is { Length: > 0 } url ? url : d.PublicBaseUrl).TrimEnd('/'),
            QuietFromHour = s.GetValue("QuietFromHour", d.QuietFromHour),
            QuietUntilHour = s.GetValue("QuietUntilHour", d.QuietUntilHour),
        };
    }
}
