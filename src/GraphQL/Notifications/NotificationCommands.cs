using System.CommandLine;
using Cases.GraphQL.Host;
using Cases.Notifications;

namespace Cases.GraphQL.Notifications;

/// <summary><c>notifications status</c>: queued, scheduled, sent, failed, held and dead-lettered notifications (issue 22).
/// Exit 2 when something failed or was dead-lettered, so a monitor can alert on it.</summary>
public static class NotificationCommands
{
    public static Command Build()
    {
        var notifications = new Command("notifications", "What the notifications are doing.");
        var status = new Command("status", "Queued, scheduled, sent, failed, held and dead-lettered notifications.");
        status.SetAction((_, ct) => CliDatabase.RunAsync("notifications status", async db =>
        {
            var s = await NotificationStatus.ReadAsync(db, ct);
            Console.WriteLine($"queued        {s.Queued}");
            Console.WriteLine($"scheduled     {s.Scheduled}   (coalescing window, quiet hours, \"is it fixed?\" reminders)");
            Console.WriteLine($"sent          {s.Sent}");
            Console.WriteLine($"failed        {s.Failed}   ({s.ConfigurationErrors} from configuration errors)");
            Console.WriteLine($"held          {s.Held}   (SMS and Zalo in quiet hours)");
            Console.WriteLine($"no channel    {s.NoChannel}   (no channel configured, or no address)");
            Console.WriteLine($"dead-lettered {s.DeadLettered}   (in wolverine.wolverine_dead_letters)");
            return s.Failed + s.DeadLettered > 0 ? 2 : 0;
        }));
        notifications.Subcommands.Add(status);
        return notifications;
    }
}
