using Cases.Notifications;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Cases.GraphQL.Notifications;

/// <summary><c>Notifications:Smtp:*</c>: any SMTP server. No <c>Host</c>, no e-mail channel (deliveries say "no channel configured").</summary>
public sealed record SmtpSettings(string Host, int Port, string From, string? User, string? Password, SecureSocketOptions Tls, TimeSpan Timeout)
{
    /// <summary><c>Connections</c>: connections kept open to the server (default 4, the notification queue's parallel sends).</summary>
    public int Connections { get; init; } = 4;

    /// <summary><c>IdleCheckSeconds</c>: a connection idle this long is asked NOOP before it carries a message (default 30).</summary>
    public TimeSpan IdleCheck { get; init; } = TimeSpan.FromSeconds(30);

    public static SmtpSettings? Read(IConfiguration config)
    {
        var s = config.GetSection("Notifications:Smtp");
        if (s["Host"] is not { Length: > 0 } host) return null;
        return new SmtpSettings(host, s.GetValue("Port", 25), s["From"] is { Length: > 0 } from ? from : "noreply@ioc.hue.gov.vn",
            s["User"] is { Length: > 0 } user ? user : null, s["Password"],
            Enum.TryParse<SecureSocketOptions>(s["Tls"], ignoreCase: true, out var tls) ? tls : SecureSocketOptions.StartTlsWhenAvailable,
            TimeSpan.FromSeconds(s.GetValue("TimeoutSeconds", 15)))
        {
            Connections = Math.Max(1, s.GetValue("Connections", 4)),
            IdleCheck = TimeSpan.FromSeconds(s.GetValue("IdleCheckSeconds", 30)),
        };
    }
}

/// <summary>
/// E-mail through MailKit: a text and an HTML part, and on reporters' messages the unsubscribe headers of RFC 2369
/// and RFC 8058 (one-click: <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>, so a mail client can
/// unsubscribe with a POST and no page). The server's answer decides the error class: 5xx to a recipient is
/// permanent, 4xx and a server that cannot be reached are transient, a refused login is our configuration.
/// Connections are kept open and reused (<see cref="SmtpConnections"/>); a reused one that fails before the server
/// answered (it was closed while idle) is replaced and the message tried once more on the new one.
/// </summary>
public sealed class EmailChannel(SmtpSettings settings, SmtpConnections connections) : INotificationChannel, IDisposable
{
    public EmailChannel(SmtpSettings settings) : this(settings, new SmtpConnections(settings)) { }

    public NotificationChannel Channel => NotificationChannel.Email;

    public void Dispose() => connections.Dispose();

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

        SmtpConnections.Lease? lease = null;
        try
        {
            lease = await connections.TakeAsync(ct);
            string answer;
            try
            {
                answer = await lease.Client.SendAsync(mail, ct);
            }
            catch (Exception e) when (lease.Reused && e is ServiceNotConnectedException or SmtpProtocolException or IOException && !ct.IsCancellationRequested)
            {
                // The server closed the pooled connection while it sat idle: the message never got an answer.
                lease = await connections.ReplaceAsync(lease, ct);
                answer = await lease.Client.SendAsync(mail, ct);
            }
            connections.Return(lease);
            lease = null;
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
        finally
        {
            // A connection that failed in any way (a refused recipient leaves a half-open transaction) is not reused.
            if (lease is not null) connections.Discard(lease);
        }
    }
}
