using Cases.EventStore;
using Cases.Scheduling;
using JasperFx;
using JasperFx.Core;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Cases.Handlers;

/// <summary>
/// How Wolverine carries the cases' commands and deadlines (DESIGN 4), in one place: the handlers, listed (no
/// assembly scan); the retry of a concurrency conflict (re-load, re-decide, a bounded number of times); deadlines
/// as durable scheduled messages on a local queue whose inbox is in PostgreSQL, retried with back-off and then
/// moved to Wolverine's dead-letter storage; JSON by <see cref="EventJson"/>'s rules.
/// </summary>
public static class CasesMessaging
{
    public const string DeadlineQueue = "deadlines";
    public const string NotificationQueue = "notifications";

    public static void Configure(WolverineOptions opts)
    {
        opts.ApplicationAssembly = typeof(CaseHandlers).Assembly;
        opts.Discovery.DisableConventionalDiscovery().IncludeType(typeof(CaseHandlers))
            .IncludeType(typeof(Notifications.NotificationHandlers));
        opts.AutoBuildMessageStorageOnStartup = JasperFx.AutoCreate.CreateOrUpdate;
        opts.UseSystemTextJsonForSerialization(EventJson.Configure);

        opts.OnException<ConcurrencyException>().RetryTimes(3);
        // The database away (a restart, a failover, a cut connection) is waited out: tried again at once with growing
        // pauses, then rescheduled in the durable inbox for up to about 6 minutes, so a deadline or a message is never
        // given up because of an outage. Anything else (a bug) goes to wolverine_dead_letters for an operator after
        // the first retries; health reports it.
        opts.OnException(DatabaseAway, "the database was away")
            .RetryWithCooldown(100.Milliseconds(), 1.Seconds(), 5.Seconds())
            .Then.ScheduleRetry(15.Seconds(), 1.Minutes(), 5.Minutes())
            .Then.MoveToErrorQueue();
        opts.OnException<TimeoutException>()
            .RetryWithCooldown(100.Milliseconds(), 1.Seconds(), 5.Seconds())
            .Then.MoveToErrorQueue();

        opts.PublishMessage<ScheduledMessage>().ToLocalQueue(DeadlineQueue).UseDurableInbox();
        opts.LocalQueue(DeadlineQueue).UseDurableInbox();

        // Notifications (issue 22): planned in the command's transaction, sent from their own durable queue, so a slow
        // or unreachable mail server never holds a command or a deadline back. A server that is down is retried with
        // growing pauses, then the message waits in wolverine_dead_letters (counted in /health/ready).
        opts.OnException<Notifications.NotificationTransientException>()
            .RetryWithCooldown(500.Milliseconds(), 2.Seconds(), 5.Seconds())
            .Then.MoveToErrorQueue();
        opts.PublishMessage<Notifications.NotifyReporter>().ToLocalQueue(NotificationQueue).UseDurableInbox();
        opts.PublishMessage<Notifications.RemindToRate>().ToLocalQueue(NotificationQueue).UseDurableInbox();
        opts.PublishMessage<Notifications.NotifyAgency>().ToLocalQueue(NotificationQueue).UseDurableInbox();
        opts.PublishMessage<Notifications.NotifyOnDuty>().ToLocalQueue(NotificationQueue).UseDurableInbox();
        opts.LocalQueue(NotificationQueue).UseDurableInbox().MaximumParallelMessages(4);
    }

    /// <summary>
    /// The failure is the database's absence, not the message's: an <see cref="NpgsqlException"/> (Npgsql wraps its
    /// broken connections and timeouts in one), also when it is only the cause of what was thrown. The chaos run
    /// (issue 25) found Marten's rollback of a transaction whose connection the restart had cut throwing
    /// <see cref="ObjectDisposedException"/> ("NpgsqlTransaction") with the broken pipe inside: a deadline due during
    /// a PostgreSQL restart went to the dead letters. A mail server or gateway that is down is not the database: its
    /// own rule retries it briefly and then dead-letters it.
    /// </summary>
    public static bool DatabaseAway(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            if (x is NpgsqlException) return true;
        return false;
    }
}
