using Cases.Domain;
using Cases.EventStore;
using Cases.Scheduling;
using Cases.Sla;
using Cases.Workflow;
using Npgsql;
using NodaTime;

namespace Cases.GraphQL.Host;

/// <summary>The write side: SLA rules, the command handler with its outbox, the scheduler worker.</summary>
public static class WriteSide
{
    public static void AddCasesWriteSide(this WebApplicationBuilder builder)
    {
        // Loaded now, not at the first case: a malformed or overlapping calendar or policy file, or a category
        // without a policy, stops start-up with the file and line.
        var sla = SlaRules.LoadEmbedded();
        builder.Services.AddSingleton<ISlaRules>(sla);
        builder.Services.AddSingleton<IClock>(SystemClock.Instance);
        builder.Services.AddSingleton(sp => new AppendNotifier(sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton(sp => new CaseEventStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<AppendNotifier>()));
        builder.Services.AddSingleton(sp => Handler(
            sp.GetRequiredService<CaseEventStore>(), sla, sp.GetRequiredService<IClock>(), sp.GetRequiredService<Serilog.ILogger>()));
        builder.Services.AddSingleton(sp => new ScheduledMessageWorker(
            sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<CaseCommandHandler>(),
            sp.GetRequiredService<IClock>(), sp.GetRequiredService<Serilog.ILogger>()));
        builder.Services.AddHostedService<SchedulerHost>();
    }

    /// <summary>The command handler as every writer uses it: its deadline messages scheduled from the same rules it decides with.</summary>
    public static CaseCommandHandler Handler(CaseEventStore store, ISlaRules sla, IClock clock, Serilog.ILogger log) =>
        new(store, sla, clock, log, new DeadlineOutbox(sla));
}

/// <summary>Runs the scheduled-message worker for the life of the process, on every node.</summary>
sealed class SchedulerHost(ScheduledMessageWorker worker) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken ct) => worker.RunAsync(ct);
}
