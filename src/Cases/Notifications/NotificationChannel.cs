namespace Cases.Notifications;

/// <summary>How a person is told. A reporter agrees to each at submission; none by default.</summary>
public enum NotificationChannel { Email, Sms, Zalo, Push }

/// <summary>The language a reporter's messages are written in. Vietnamese unless they chose English.</summary>
public enum NotificationLanguage { Vi, En }

/// <summary>Stored names of channels and languages (lower case in cases.reporter_consents and the delivery records).</summary>
public static class NotificationNames
{
    public static string Of(NotificationChannel c) => c switch
    {
        NotificationChannel.Email => "email", NotificationChannel.Sms => "sms", NotificationChannel.Zalo => "zalo", _ => "push",
    };

    public static NotificationChannel? Channel(string name) => name switch
    {
        "email" => NotificationChannel.Email, "sms" => NotificationChannel.Sms, "zalo" => NotificationChannel.Zalo, "push" => NotificationChannel.Push,
        _ => null,
    };

    public static string Of(NotificationLanguage l) => l == NotificationLanguage.En ? "en" : "vi";
    public static NotificationLanguage Language(string? name) => name == "en" ? NotificationLanguage.En : NotificationLanguage.Vi;
}

/// <summary>
/// What the reporter agreed to at submission: the channels and the language. Stored with the contact, with the time
/// and <see cref="TextVersion"/>, the wording of the consent sentence the form showed (so a later change of wording
/// never rewrites what someone agreed to).
/// </summary>
public sealed record NotificationConsent(IReadOnlyList<NotificationChannel> Channels, NotificationLanguage Language)
{
    /// <summary>The consent sentence's version on the submission form (wwwroot/report.js) and in the API's description.</summary>
    public const string TextVersion = "2026-12-consent-v1";
}
