using Cases.Sla;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Cases.Handlers;

/// <summary>
/// Loads the calendar versions imported into the database at start (before commands are handled: hosted services
/// start in order, after the migrations) and again every <c>Calendar:RefreshSeconds</c> (default 30), so a version
/// another node imported is used here from then on. A failed refresh keeps the rules this node has and says so.
/// </summary>
sealed class CalendarRefresh(SlaRulesSource rules, NpgsqlDataSource db, IConfiguration config, NodaTime.IClock clock, Serilog.ILogger log) : IHostedService
{
    // Never disposed: it has no timer, and a host that is stopped after its services were disposed (two Alba hosts
    // on one database, stopped in turn, did this) must find it still usable.
    readonly CancellationTokenSource stopping = new();
    Task? loop;

    public async Task StartAsync(CancellationToken ct)
    {
        await Refresh(ct);
        var every = TimeSpan.FromSeconds(config.GetValue("Calendar:RefreshSeconds", 30));
        loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(every);
            while (await timer.WaitForNextTickAsync(stopping.Token).ConfigureAwait(false)) await Refresh(stopping.Token);
        });
    }

    async Task Refresh(CancellationToken ct)
    {
        var before = rules.Current.CalendarVersion;
        try
        {
            await rules.RefreshAsync(db, ct);
        }
        catch (Exception e) when (e is NpgsqlException or CalendarDataException or TimeoutException)
        {
            log.Warning(e, "Could not load the imported calendar versions; keeping calendar {CalendarVersion}", before);
            return;
        }
        if (rules.Current.CalendarVersion != before)
            log.Information("Calendar {CalendarVersion} in force (was {PreviousCalendarVersion})", rules.Current.CalendarVersion, before);

        // The administrative map (issue 24): the versions another node imported, and the agencies table brought to
        // the version in force today (a version that took effect since the last refresh ends its agencies here).
        var mapBefore = rules.Places.InForce(Today()).Version;
        try
        {
            await rules.RefreshPlacesAsync(db, ct);
            var today = Today();
            if (!synced || rules.Places.InForce(today).Version != mapBefore)
            {
                await Places.MapLibrary.SyncAgenciesAsync(db, rules.Places, today, ct);
                synced = true;
            }
        }
        catch (Exception e) when (e is NpgsqlException or Places.MapDataException or TimeoutException)
        {
            log.Warning(e, "Could not load the imported map versions; keeping map {MapVersion}", mapBefore);
            return;
        }
        if (rules.Places.InForce(Today()).Version != mapBefore)
            log.Information("Administrative map {MapVersion} in force (was {PreviousMapVersion})", rules.Places.InForce(Today()).Version, mapBefore);
    }

    bool synced;

    NodaTime.LocalDate Today() => clock.GetCurrentInstant().InZone(WorkingCalendar.Zone).Date;

    public async Task StopAsync(CancellationToken ct)
    {
        await stopping.CancelAsync();
        if (loop is not null) await loop.ContinueWith(_ => { }, CancellationToken.None);
    }
}
