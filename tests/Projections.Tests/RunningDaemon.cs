using Cases.Projections.Daemon;
using Cases.Sla;
using Cases.Testing;
using Npgsql;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Cases.Projections.Tests;

/// <summary>A daemon running in the background for one test, and waits on its progress with deadlines (never fixed sleeps).</summary>
sealed class RunningDaemon : IAsyncDisposable
{
    public static readonly WorkingCalendar Calendar = WorkingCalendar.LoadEmbedded(UncoveredYears.AssumeNoHolidays);

    readonly CancellationTokenSource stop = new();

    public ProjectionDaemon Daemon { get; }
    public Task Run { get; }
    public List<LogEvent> Logs { get; } = [];

    RunningDaemon(NpgsqlDataSource db, IReadOnlyList<IProjection>? projections, DaemonOptions? options, bool start)
    {
        var log = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(new ListSink(Logs)).CreateLogger();
        Daemon = new ProjectionDaemon(db, projections ?? ProjectionCatalog.All(Calendar), log,
            options ?? new DaemonOptions { PollInterval = TimeSpan.FromMilliseconds(100), RetryDelay = TimeSpan.FromMilliseconds(100) });
        Run = start ? Daemon.RunAsync(stop.Token) : Task.CompletedTask;
    }

    public static RunningDaemon Start(TestDatabase db, IReadOnlyList<IProjection>? projections = null, DaemonOptions? options = null) =>
        new(db.DataSource, projections, options, true);

    /// <summary>A daemon whose loops are not started: for rebuilds, skips and status only.</summary>
    public static RunningDaemon Idle(TestDatabase db, IReadOnlyList<IProjection>? projections = null, DaemonOptions? options = null) =>
        new(db.DataSource, projections, options, false);

    /// <summary>Waits until every projection has applied every committed event.</summary>
    public Task CaughtUpAsync(TimeSpan? timeout = null) =>
        Wait.UntilAsync(async () => (await Daemon.StatusAsync()).All(s => s.LagEvents == 0), "projections caught up", timeout, () => Run);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await Run; }
        catch (Exception) { } // a test that expected the crash has already looked at it
        stop.Dispose();
    }

    sealed class ListSink(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent e)
        {
            lock (events) events.Add(e);
        }
    }
}

static class Wait
{
    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes (30 s by default: other test classes' transactions can hold the log back).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<Task>? mustNotFault = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (mustNotFault?.Invoke() is { IsFaulted: true } t) await t; // surface the daemon's crash
            if (await condition()) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(25);
        }
    }
}
