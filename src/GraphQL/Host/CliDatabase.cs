using Cases.Database;
using Cases.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Serilog;

namespace Cases.GraphQL.Host;

/// <summary>
/// How a CLI verb reaches the configured database: a failure it can explain (the database is down, a bad
/// argument, a failed migration) is one line on stderr and exit 1, never a stack trace.
/// </summary>
public static class CliDatabase
{
    public static async Task<int> RunAsync(string verb, Func<NpgsqlDataSource, Task<int>> run)
    {
        try
        {
            await using var db = CasesDatabase.Create(CasesApp.ConnectionString(CasesApp.Configuration([])));
            return await run(db);
        }
        catch (Exception e) when (e.InnerException is NpgsqlException inner)
        {
            Console.Error.WriteLine($"{verb}: {inner.Message}");
            return 1;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException or MigrationException
            or Cases.Places.ProvinceConfigurationException)
        {
            var message = e is ArgumentException { ParamName: { } param } ? e.Message.Replace($" (Parameter '{param}')", "") : e.Message;
            Console.Error.WriteLine($"{verb}: {message}");
            return 1;
        }
    }

    /// <summary>
    /// <see cref="RunAsync(string, Func{NpgsqlDataSource, Task{int}})"/> with the real write side started (Wolverine and
    /// Marten, no projection daemon), for verbs whose changes go through the same handlers, chain and deadline
    /// scheduling as a mutation (calendar, admin-map).
    /// </summary>
    public static Task<int> RunWriteSideAsync(string verb, Func<IServiceProvider, NpgsqlDataSource, Serilog.ILogger, Task<int>> run) => RunAsync(verb, async db =>
    {
        await CasesSchema.MigrateAsync(db, CasesApp.Migrations);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        // The server's settings (appsettings.json, CASES_*): the province's prefix, maps, catalogue and week.
        builder.Configuration.AddConfiguration(CasesApp.Configuration([]));
        var log = new Serilog.LoggerConfiguration().MinimumLevel.Warning()
            .WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Warning).CreateLogger();
        builder.Services.AddSingleton(db);
        builder.Services.AddSingleton<Serilog.ILogger>(log);
        builder.Services.AddSerilog(log);
        builder.AddCasesWriteSide(daemon: false);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            return await run(host.Services, db, log);
        }
        finally
        {
            await host.StopAsync();
        }
    });
}
