using Cases.Domain;
using Cases.EventStore;
using Cases.Handlers;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NodaTime;

namespace Cases.Testing;

/// <summary>
/// The real write side (Marten and Wolverine, as the host wires them) on a test database, with a settable clock
/// and, unless told otherwise, the fixed SLA rules of <see cref="FixedSlaRules"/>. No projection daemon.
/// </summary>
public sealed class WriteSideHost(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;
    public CaseCommands Commands => host.Services.GetRequiredService<CaseCommands>();
    public CaseEventStore Store => host.Services.GetRequiredService<CaseEventStore>();
    public IDocumentStore Marten => host.Services.GetRequiredService<IDocumentStore>();

    public static async Task<WriteSideHost> StartAsync(NpgsqlDataSource db, IClock clock, ISlaRules? sla = null, bool scheduleDeadlines = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(db);
        builder.Services.AddSingleton<Serilog.ILogger>(Serilog.Core.Logger.None);
        builder.AddCasesWriteSide(clock, new CaseWriteOptions(scheduleDeadlines), daemon: false);
        builder.Services.AddSingleton(sla ?? FixedSlaRules.Instance);
        builder.Services.AddSingleton(sp => new Cases.Sla.SlaRulesSource(sp.GetRequiredService<ISlaRules>()));
        var host = builder.Build();
        await host.StartAsync();
        return new WriteSideHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
