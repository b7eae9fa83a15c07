using Npgsql;

namespace Cases.GraphQL.Host;

/// <summary><c>/health</c>: the process is up. <c>/health/ready</c>: it can serve, the database answers.</summary>
public static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "live" }));
        app.MapGet("/health/ready", async (NpgsqlDataSource db, CancellationToken ct) =>
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                await using var cmd = db.CreateCommand("select current_setting('server_version')");
                var version = (string?)await cmd.ExecuteScalarAsync(timeout.Token);
                return Results.Ok(new { status = "ready", database = new { status = "up", version } });
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                return Results.Json(new { status = "unavailable", database = new { status = "down", error = e.Message } }, statusCode: 503);
            }
        });
    }
}
