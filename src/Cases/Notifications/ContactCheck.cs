using System.Net.Mail;
using System.Text.RegularExpressions;
using Cases.Domain;
using Cases.Handlers;

namespace Cases.Notifications;

/// <summary>
/// The checks a reporter's contact passes before anything is stored (issue 22, bad input): an e-mail address a
/// mail server can take, a Vietnamese phone number, and a contact for every channel agreed to. Pure.
/// </summary>
public static partial class ContactCheck
{
    /// <summary>Vietnamese numbers: 0 or +84/84 followed by 9 digits (mobile) or 10 (landline with area code);
    /// spaces, dots and dashes between digits are allowed and dropped.</summary>
    [GeneratedRegex(@"^(\+84|84|0)[1-9]\d{8,9}$")]
    private static partial Regex VietnamesePhone();

    public static DomainError? Problem(ReporterContact? contact, NotificationConsent? consent)
    {
        if (contact?.Email is { Length: > 0 } email && NormalEmail(email) is null)
            return DomainError.Validation("reporter.email", "This is not an e-mail address.");
        if (contact?.Phone is { Length: > 0 } phone && NormalPhone(phone) is null)
            return DomainError.Validation("reporter.phone", "This is not a Vietnamese phone number (0xxx xxx xxx or +84 ...).");
        foreach (var channel in consent?.Channels ?? [])
        {
            var missing = channel switch
            {
                NotificationChannel.Email => contact?.Email is not { Length: > 0 },
                NotificationChannel.Sms or NotificationChannel.Zalo => contact?.Phone is not { Length: > 0 },
                _ => false,
            };
            if (missing) return DomainError.Validation("notify", $"{NotificationNames.Of(channel).ToUpperInvariant()} needs {(channel == NotificationChannel.Email ? "an e-mail address" : "a phone number")}.");
        }
        return null;
    }

    /// <summary>The address as mail is sent to it (trimmed, the domain lower-cased), or null when it is not one.</summary>
    public static string? NormalEmail(string email)
    {
        var trimmed = email.Trim();
        if (trimmed.Length > 254 || trimmed.Contains(' ') || !MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed) return null;
        if (!parsed.Host.Contains('.') || parsed.Host.EndsWith('.')) return null;
        return parsed.User + "@" + parsed.Host.ToLowerInvariant();
    }

    /// <summary>The number in international form (84xxxxxxxxx), or null when it is not a Vietnamese number.</summary>
    public static string? NormalPhone(string phone)
    {
        var digits = Regex.Replace(phone.Trim(), @"(?<=\d)[\s.\-](?=\d)", "");
        if (!VietnamesePhone().IsMatch(digits)) return null;
        return digits.StartsWith('0') ? "84" + digits[1..] : digits.TrimStart('+');
    }

    /// <summary>What staff see of an address: b***@example.vn, 84******888.</summary>
    public static string Mask(string address)
    {
        if (address.IndexOf('@') is var at and > 0) return address[0] + new string('*', Math.Max(3, at - 1)) + address[at..];
        return address.Length <= 5 ? new string('*', address.Length) : address[..2] + new string('*', address.Length - 5) + address[^3..];
    }
}
