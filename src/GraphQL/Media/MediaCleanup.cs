namespace Cases.GraphQL.Media;

/// <summary>
/// Removes, every hour, uploads that no case referenced within the time limit (issue 14). A plain timer rather than
/// a Wolverine scheduled message: the work is one idempotent DELETE, so two nodes running it at once do no harm,
/// and nothing is lost if a run is skipped.
/// </summary>
public sealed class MediaCleanup(MediaCatalog catalog, Serilog.ILogger log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                var removed = await catalog.RemoveUnattachedAsync(ct);
                if (removed > 0) log.Information("Removed {Count} uploads no case referenced in time", removed);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a database outage is reported by /health/ready, not here.
                log.Warning(e, "Removing unreferenced uploads failed");
            }
        }
    }
}
