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
        // A deadline that fails for any other reason (the database away, a bug) is tried again with growing pauses,
        // then kept in wolverine_dead_letters for an operator; health reports it.
        opts.OnException<NpgsqlException>().Or<TimeoutException>()
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
}
