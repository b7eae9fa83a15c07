using Npgsql;

namespace Cases.Notifications;

/// <summary>
/// What <c>/health/ready</c> and <c>notifications status</c> show: messages waiting in Wolverine's durable queue
/// (now or scheduled: the coalescing window, quiet hours, reminders), deliveries failed or held, failures that are
/// our configuration's, and notification messages in Wolverine's dead letters.
/// </summary>
public sealed record NotificationStatus(long Queued, long Scheduled, long Sent, long Failed, long ConfigurationErrors, long Held, long NoChannel, long DeadLettered)
{
    const string Types = "message_type like '%Notifications.Notify%' or message_type like '%Notifications.RemindToRate%'";

    public static async Task<NotificationStatus> ReadAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand($"""
            select
              (select count(*) from wolverine.wolverine_incoming_envelopes where status = 'Incoming' and ({Types})),
              (select count(*) from wolverine.wolverine_incoming_envelopes where status = 'Scheduled' and ({Types})),
              count(*) filter (where status in ('sent', 'delivered')),
              count(*) filter (where status = 'failed'),
              count(*) filter (where status = 'failed' and detail like 'configuration:%'),
              count(*) filter (where status = 'held'),
              count(*) filter (where status = 'no_channel'),
              (select count(*) from wolverine.wolverine_dead_letters where {Types})
            from cases.notification_deliveries
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new NotificationStatus(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7));
    }
}
