using Cases.Projections.Daemon;
using Npgsql;

namespace Cases.GraphQL.Host;

/// <summary>
/// <c>/health</c>: the process is up (and, in /health/ready, this node's live subscriptions). <c>/health/ready</c>: it can serve, the database answers; with each
/// projection's lag behind the event store (from Marten's <c>mt_event_progression</c>), events the daemon
/// dead-lettered, and deadline messages that ended in Wolverine's dead-letter storage.
/// </summary>
public static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "live" }));
        app.MapGet("/health/ready", async (NpgsqlDataSource db, ProjectionMonitor projections, Sla.SlaRulesSource rules, NodaTime.IClock clock,
            Engine.Http.Live.SubscriptionCounter subscriptions, Projections.Live.ProjectionChanges changes, CancellationToken ct) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            string? version;
            try
            {
                await using var cmd = db.CreateCommand("select current_setting('server_version')");
                version = (string?)await cmd.ExecuteScalarAsync(timeout.Token);
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                return Results.Json(new { status = "unavailable", database = new { status = "down", error = e.Message } }, statusCode: 503);
            }
            var status = await projections.StatusAsync(timeout.Token);
            var coverage = Sla.CalendarCoverage.Of(rules.Library, clock.GetCurrentInstant());
            long deadLetters;
            await using (var cmd = db.CreateCommand($"select count(*) from {Handlers.CasesWriteSide.MessageSchema}.wolverine_dead_letters"))
                deadLetters = (long)(await cmd.ExecuteScalarAsync(timeout.Token))!;
            var notifications = await Cases.Notifications.NotificationStatus.ReadAsync(db, timeout.Token);
            return Results.Ok(new
            {
                status = "ready",
                database = new { status = "up", version },
                projections = status.Select(p => new { p.Name, p.Running, p.Position, p.HighWaterMark, p.LagEvents, p.LagSeconds, p.DeadLetters }),
                messages = new { deadLetters },
                // Notifications (issue 22): waiting, failed (of which our configuration's), held for quiet hours, dead-lettered.
                notifications = new
                {
                    notifications.Queued, notifications.Scheduled, notifications.Sent, notifications.Failed,
                    notifications.ConfigurationErrors, notifications.Held, notifications.NoChannel, notifications.DeadLettered,
                },
                // A warning, not unreadiness: the node serves correctly, but due times past the coverage rest on
                // assumed working days until the next year is imported.
                calendar = new
                {
                    version = coverage.CalendarVersion, coveredUntil = coverage.CoveredUntil?.ToString("uuuu-MM-dd", null),
                    coverage.DaysCovered, coverage.WarnDays, coverage.Warning, coverage.Message,
                },
                warnings = coverage.Warning ? new[] { coverage.Message } : [],
                // Live operations on this node: the transports' subscriptions and the views they watch.
                subscriptions = new { active = subscriptions.Active, clients = subscriptions.Clients, watchers = changes.Subscribers },
            });
        });
    }
}
