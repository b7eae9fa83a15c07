namespace Cases.Notifications;

/// <summary>
/// One way of telling someone (e-mail, SMS, Zalo, push), behind the smallest interface that lets the sender record
/// what happened. Implementations live in the host; a channel not configured is simply not registered, and its
/// deliveries are recorded as "no channel configured".
/// </summary>
public interface INotificationChannel
{
    NotificationChannel Channel { get; }

    /// <summary>
    /// Sends one message. Returns <see cref="SendResult.Accepted"/> or <see cref="SendResult.Permanent"/> (the address
    /// will never take it: the channel is switched off for that reporter); throws
    /// <see cref="NotificationTransientException"/> for what a retry may cure and
    /// <see cref="NotificationConfigurationException"/> for our own mistake (a wrong key, template, sender).
    /// </summary>
    Task<SendResult> SendAsync(OutgoingMessage message, CancellationToken ct);
}

/// <summary>A rendered message to one address. <c>MessageId</c> is the delivery's own id, sent to gateways as the request id.</summary>
public sealed record OutgoingMessage(
    Guid MessageId, string Address, RenderedMessage Content, string? UnsubscribeUrl, string? UnsubscribeAllUrl)
{
    /// <summary>For Web Push: the browser's keys the payload is encrypted to (the address is the endpoint).</summary>
    public PushKeys? Push { get; init; }
}

/// <summary>A browser's push subscription keys (RFC 8291): its P-256 public key and auth secret, base64url.</summary>
public sealed record PushKeys(string P256dh, string Auth);

public abstract record SendResult
{
    /// <summary>Taken by the server or gateway; <c>ProviderId</c> is its message id, for delivery callbacks.</summary>
    public sealed record Accepted(string? ProviderId) : SendResult;

    /// <summary>Refused for good (an unknown mailbox, a number that is not on Zalo): not retried.</summary>
    public sealed record Permanent(string Reason) : SendResult;
}

/// <summary>The server is down, busy or timed out: Wolverine retries with back-off, then dead-letters.</summary>
public sealed class NotificationTransientException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Our configuration is wrong (credentials, template id): logged as an error and counted in health, not retried.</summary>
public sealed class NotificationConfigurationException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The channels this node can send through, by kind; registered by the host from its configuration.</summary>
public sealed class NotificationChannels(IEnumerable<INotificationChannel> channels)
{
    readonly Dictionary<NotificationChannel, INotificationChannel> byKind = channels.ToDictionary(c => c.Channel);

    public INotificationChannel? For(NotificationChannel channel) => byKind.GetValueOrDefault(channel);
}
