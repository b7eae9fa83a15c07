using Cases.Domain;
using Cases.EventStore;
using Cases.Sla;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using NodaTime;
using Wolverine;
using Wolverine.Marten;

namespace Cases.Handlers;

/// <summary>
/// The write side on Marten and Wolverine (DESIGN 3, 4): the SLA rules, the event store, Wolverine's handlers with
/// the transactional outbox and durable deadlines in PostgreSQL. The same for the web host, the CLI's seeder and
/// the tests; the host registers the one <see cref="NpgsqlDataSource"/> before calling it.
/// </summary>
public static class CasesWriteSide
{
    /// <summary>Wolverine's envelopes, scheduled messages and dead letters.</summary>
    public const string MessageSchema = "wolverine";

    public static void AddCasesWriteSide(this IHostApplicationBuilder builder, IClock? clock = null, CaseWriteOptions? options = null, bool daemon = true)
    {
        // Loaded now, not at the first case: a malformed or overlapping calendar or policy file, or a category
        // without a policy, stops start-up with the file and line.
        // The province (issue 24): its names, tracking prefix, bounds, map files, SLA catalogue and working week are
        // configuration.
        var province = Places.ProvinceIdentity.From(builder.Configuration);
        builder.Services.AddSingleton(province);
        var sla = province.Rules();
        builder.Services.AddSingleton<ISlaRules>(sla);
        builder.Services.AddSingleton(sla);
        // What handlers decide with: the registered rules, then the calendar versions imported into the database.
        var shippedMaps = province.LoadMapFiles();
        builder.Services.AddSingleton(sp => new SlaRulesSource(sp.GetRequiredService<ISlaRules>()) { ShippedMaps = shippedMaps, Bounds = province.Bounds });
        builder.Services.AddHostedService<CalendarRefresh>();
        builder.Services.AddSingleton(clock ?? SystemClock.Instance);
        // Notifications follow the deadlines: the seeder's simulated clock turns both off.
        var write = (options ?? new CaseWriteOptions()) with { TrackingPrefix = province.TrackingPrefix };
        var notifications = Notifications.NotificationOptions.From(builder.Configuration);
        builder.Services.AddSingleton(write with { Notifications = notifications with { Enabled = notifications.Enabled && write.ScheduleDeadlines } });
        builder.Services.AddSingleton(notifications);
        builder.Services.AddSingleton<Notifications.NotificationKeys>();
        builder.Services.AddSingleton<Notifications.UnsubscribeTokens>();
        builder.Services.AddSingleton<Notifications.ReporterContacts>();
        builder.Services.AddSingleton<Notifications.DeliveryRecords>();
        builder.Services.AddSingleton<Notifications.PushSubscriptions>();
        builder.Services.AddSingleton<Notifications.NotificationSender>();
        // The host registers the channels its configuration names; none here means "no channel configured".
        builder.Services.AddSingleton(sp => new Notifications.NotificationChannels(sp.GetServices<Notifications.INotificationChannel>()));
        // The daemon learns of new events when they commit, here and on every node, with polling as the fallback
        // (DESIGN 15). Projections:WakeOnAppend=false leaves it to polling alone (benchmarks compare the two).
        var wakeOnAppend = builder.Configuration.GetValue("Projections:WakeOnAppend", true);
        builder.Services.AddSingleton(sp => new AppendWakeup(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<Serilog.ILogger>())
        {
            CrossNode = builder.Configuration.GetValue("Projections:WakeOtherNodes", true),
            // Wakes paced by this node's shards (AppendWakeup): asked only by a running high-water agent, so the
            // coordinator and its daemon exist by then.
            Shards = () => sp.GetService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>()?.DaemonForMainDatabase().Tracker,
        });
        var marten = builder.Services.AddMarten(sp =>
            {
                var o = new StoreOptions();
                o.Connection(sp.GetRequiredService<NpgsqlDataSource>());
                CasesStore.Configure(o);
                if (wakeOnAppend) sp.GetRequiredService<AppendWakeup>().AttachTo(o);
                return o;
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(w => w.MessageStorageSchemaName = MessageSchema);
        // One runner per projection across nodes: Marten's HotCold daemon (DESIGN 5). The CLI's seeder runs none.
        if (daemon) marten.AddAsyncDaemon(DaemonMode.HotCold);
        builder.UseWolverine(o =>
        {
            CasesMessaging.Configure(o);
            // Auto: the handler code `codegen write` generated ahead (src/Cases/Internal/Generated, compiled into this
            // assembly) where it is there, Roslyn at the first message otherwise. Static refuses to start without it.
            o.CodeGeneration.TypeLoadMode =
                Enum.TryParse<JasperFx.CodeGeneration.TypeLoadMode>(builder.Configuration["Codegen:TypeLoadMode"], ignoreCase: true, out var mode)
                    ? mode : JasperFx.CodeGeneration.TypeLoadMode.Auto;
        });
        builder.Services.AddSingleton(sp => new CaseEventStore(sp.GetRequiredService<IDocumentStore>()));
        builder.Services.AddSingleton(sp => new CaseCommands(sp.GetRequiredService<IMessageBus>()));
    }
}
