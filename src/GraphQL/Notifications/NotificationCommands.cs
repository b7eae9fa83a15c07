using System.CommandLine;
using Cases.GraphQL.Host;
using Cases.Notifications;

namespace Cases.GraphQL.Notifications;

/// <summary><c>notifications status</c>: queued, scheduled, sent, failed, held and dead-lettered notifications (issue 22).
/// Exit 2 when something failed or was dead-lettered, so a monitor can alert on it. <c>notifications agency-address
/// AGENCY [--email X] [--escalation Y]</c>: an admin sets (or with "" clears) an agency's addresses, audited as
/// the console's change is; with neither option it prints them.</summary>
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
        notifications.Subcommands.Add(AgencyAddress());
        return notifications;
    }

    static Command AgencyAddress()
    {
        var agency = new Argument<string>("agency") { Description = "The agency's id (cases.agencies)." };
        var email = new Option<string?>("--email") { Description = "Where its assignments, returns and daily digest go (\"\" clears it)." };
        var escalation = new Option<string?>("--escalation") { Description = "Where its overdue cases also go (\"\" clears it)." };
        var command = new Command("agency-address", "Show, set or clear an agency's notification and escalation addresses.") { agency, email, escalation };
        command.SetAction((p, ct) => CliDatabase.RunAsync("notifications agency-address", async db =>
        {
            var addresses = new AgencyAddresses(db);
            var id = p.GetValue(agency)!;
            var change = new AgencyAddresses.Change(p.GetValue(email), p.GetValue(escalation));
            if (AgencyAddresses.Problem(change, "--email", "--escalation") is { } problem)
            {
                Console.Error.WriteLine($"notifications agency-address: {problem.Details["field"]}: {problem.Message}");
                return 1;
            }
            if (await addresses.SetAsync(id, change, ct) is not { } result)
            {
                Console.Error.WriteLine($"notifications agency-address: no agency '{id}'");
                return 1;
            }
            if (change.Email is not null || change.EscalationEmail is not null)
                await new Cases.Access.StaffAccounts(db, NodaTime.SystemClock.Instance, Cases.Access.StaffAccountOptions.Default).AuditAsync(
                    $"cli:{Environment.UserName}", "agency_notification_address",
                    new { agency = id, before = new { result.Before.Email, result.Before.EscalationEmail }, after = new { result.After.Email, result.After.EscalationEmail } },
                    null, null, ct);
            Console.WriteLine($"{result.After.AgencyId}  {result.After.Name}");
            Console.WriteLine($"email       {result.After.Email ?? "-"}");
            Console.WriteLine($"escalation  {result.After.EscalationEmail ?? "-"}");
            return 0;
        }));
        return command;
    }
}
