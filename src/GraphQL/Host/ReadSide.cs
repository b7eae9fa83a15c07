using Cases.Projections;
using Cases.Projections.Daemon;
using Cases.Sla;
using Npgsql;

namespace Cases.GraphQL.Host;

/// <summary>The read side: the projection daemon on every node (one runner per projection across nodes, by advisory lock).</summary>
public static class ReadSide
{
    public static void AddCasesReadSide(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new ProjectionDaemon(
            sp.GetRequiredService<NpgsqlDataSource>(),
            ProjectionCatalog.All(((SlaRules)sp.GetRequiredService<Domain.ISlaRules>()).Calendar),
            sp.GetRequiredService<Serilog.ILogger>()));
        builder.Services.AddHostedService<DaemonHost>();
    }
}

/// <summary>
/// Runs the daemon for the life of the process. If it faults (a database outage it could not ride out), it is
/// restarted after a pause rather than leaving the node without projections.
/// </summary>
sealed class DaemonHost(ProjectionDaemon daemon, Serilog.ILogger log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try { await daemon.RunAsync(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.Error(e, "Projection daemon stopped; restarting in 5 s");
                try { await Task.Delay(TimeSpan.FromSeconds(5), ct); } catch (OperationCanceledException) { return; }
            }
        }
    }
}
