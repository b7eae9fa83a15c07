using Cases.GraphQL.Host;
using Cases.Handlers;
using Npgsql;
using Serilog;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// The write side as the seeder drives it: the real Marten store and Wolverine handlers, on the seed's clock, with
/// no projection daemon (the server's catches up) and no deadline messages (the seed's clock is simulated; real-time
/// deadlines for a year of simulated cases would all fire at once, at the wrong time).
/// </summary>
public sealed class SeedHost(IHost host) : IAsyncDisposable
{
    public CaseCommands Commands => host.Services.GetRequiredService<CaseCommands>();

    /// <summary>The SLA rules the handlers decide with (the province's catalogue and week), for the seed's scripts.</summary>
    public Cases.Sla.SlaRules Rules => host.Services.GetRequiredService<Cases.Sla.SlaRules>();

    public static async Task<SeedHost> StartAsync(NpgsqlDataSource db, SeedClock clock, Serilog.ILogger log, CancellationToken ct = default)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        // The server's settings (appsettings.json, CASES_*): the province's prefix, maps, catalogue and week.
        builder.Configuration.AddConfiguration(CasesApp.Configuration([]));
        builder.Services.AddSingleton(db);
        builder.Services.AddSingleton(log);
        builder.Services.AddSerilog(log);
        builder.AddCasesWriteSide(clock, new CaseWriteOptions(ScheduleDeadlines: false), daemon: false);
        var host = builder.Build();
        await host.StartAsync(ct);
        return new SeedHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
