using Cases.Projections;
using Cases.Projections.Daemon;
using Cases.Sla;
using Marten;
using Npgsql;

namespace Cases.GraphQL.Host;

/// <summary>
/// The read side: the read models as Marten async projections (<see cref="ProjectionCatalog"/>), run by the
/// daemon that <see cref="Handlers.CasesWriteSide"/> starts (HotCold: one runner per projection across nodes).
/// </summary>
public static class ReadSide
{
    public static void AddCasesReadSide(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten((sp, o) =>
            ProjectionCatalog.Register(o, Calendar(sp), sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton(sp => new ProjectionMonitor(sp.GetRequiredService<IDocumentStore>(),
            sp.GetRequiredService<NpgsqlDataSource>(), ProjectionCatalog.All(Calendar(sp))));
        builder.Services.AddSingleton(sp => new Projections.ReadApi.ReadYourWrites(sp.GetRequiredService<NpgsqlDataSource>(),
            ProjectionCatalog.All(Calendar(sp))));
    }

    /// <summary>The calendar versions in force now, so durations use an imported version from the next batch on.</summary>
    static Func<WorkingCalendar> Calendar(IServiceProvider sp)
    {
        var source = sp.GetRequiredService<SlaRulesSource>();
        return () => source.Calendar;
    }
}
