using Cases.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Cases.GraphQL.Notifications;

/// <summary><c>Notifications:Smtp:*</c>: any SMTP server. No <c>Host</c>, no e-mail channel (deliveries say "no channel configured").</summary>
public sealed record SmtpSettings(string Host, int Port, string From, string? User, string? Password, SecureSocketOptions Tls, TimeSpan Timeout)
{
    public static SmtpSettings? Read(IConfiguration config)
    {
        var s = config.GetSection("Notifications:Smtp");
        if (s["Host"] is not { Length: > 0 } host) return null;
        return new SmtpSettings(host, s.GetValue("Port", 25), s["From"] is { Length: > 0 } from ? from : "noreply@ioc.hue.gov.vn",
            s["User"] is { Length: > 0 } user ? user : null, s["Password"],
            Enum.TryParse<SecureSocketOptions>(s["Tls"], ignoreCase: true, out var tls) ? tls : SecureSocketOptions.StartTlsWhenAvailable,
            TimeSpan.FromSeconds(s.GetValue("TimeoutSeconds", 15)));
    }
}

/// <summary>
/// E-mail through MailKit: a text and an HTML part, and on reporters' messages the unsubscribe headers of RFC 2369
/// and RFC 8058 (one-click: <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>, so a mail client can
/// unsubscribe with a POST and no page). The server's answer decides the error class: 5xx to a recipient is
/// permanent, 4xx and a server that cannot be reached are transient, a refused login is our configuration.
/// </summary>
public sealed class EmailChannel(SmtpSettings settings) : INotificationChannel
{
    public NotificationChannel Channel => NotificationChannel.Email;

    public async Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(settings.From));
        mail.To.Add(MailboxAddress.Parse(message.Address));
        mail.Subject = message.Content.Subject;
        mail.MessageId = $"{message.MessageId:N}@{settings.From.Split('@')[^1]}";
        if (message.UnsubscribeUrl is { } unsubscribe)
        {
            mail.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            mail.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        mail.Body = new BodyBuilder { TextBody = message.Content.Text, HtmlBody = message.Content.Html }.ToMessageBody();

        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Tls, ct);
            if (settings.User is { } user) await client.AuthenticateAsync(user, settings.Password ?? "", ct);
            var answer = await client.SendAsync(mail, ct);
            await client.DisconnectAsync(true, ct);
            return new SendResult.Accepted(mail.MessageId + (string.IsNullOrEmpty(answer) ? "" : " " + answer.Trim()));
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            return new SendResult.Permanent($"{(int)e.StatusCode} {e.Message}");
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode == SmtpErrorCode.SenderNotAccepted)
        {
            throw new NotificationConfigurationException($"the server refuses the sender {settings.From}: {(int)e.StatusCode} {e.Message}", e);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode == SmtpErrorCode.MessageNotAccepted)
        {
            return new SendResult.Permanent($"{(int)e.StatusCode} {e.Message}");
        }
        catch (AuthenticationException e)
        {
            throw new NotificationConfigurationException("the SMTP server refused the credentials: " + e.Message, e);
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or IOException
                                   or System.Net.Sockets.SocketException or TimeoutException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            throw new NotificationTransientException($"SMTP {settings.Host}:{settings.Port}: {e.Message}", e);
        }
    }
}
