using Wolverine;

namespace Cases.Notifications;

/// <summary>
/// Wolverine's handlers for the notification messages, on the durable local queue <c>notifications</c>
/// (<see cref="Handlers.CasesMessaging"/>): thin, the work is <see cref="NotificationSender"/>'s.
/// </summary>
public static class NotificationHandlers
{
    public static Task Handle(NotifyReporter message, NotificationSender sender, IMessageContext bus, CancellationToken ct) =>
        sender.ReporterAsync(message, bus, ct);

    public static Task Handle(RemindToRate message, NotificationSender sender, IMessageContext bus, CancellationToken ct) =>
        sender.RatingReminderAsync(message, bus, ct);

    public static Task Handle(NotifyAgency message, NotificationSender sender, CancellationToken ct) => sender.AgencyAsync(message, ct);

    public static Task Handle(NotifyOnDuty message, NotificationSender sender, CancellationToken ct) => sender.OnDutyAsync(message, ct);
}
