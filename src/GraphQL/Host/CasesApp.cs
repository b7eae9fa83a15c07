using Cases.Database;
using Cases.GraphQL.Media;
using Cases.GraphQL.Open311;
using Cases.GraphQL.OpenData;
using Cases.GraphQL.Notifications;
using Cases.Handlers;
using Npgsql;
using Serilog;

namespace Cases.GraphQL.Host;

/// <summary>The web application: a table of contents of the areas, each registering itself.</summary>
public static class CasesApp
{
    /// <summary>Every schema the host needs, in order.</summary>
    public static readonly IReadOnlyList<MigrationSet> Migrations = [Migrator.Cases, Projections.ProjectionsMigrations.Set];

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddEnvironmentVariables("CASES_");
        builder.AddCasesLogging();
        builder.Services.AddSingleton(_ => CasesDatabase.Create(ConnectionString(builder.Configuration)));
        builder.Services.AddHostedService<StartupMigrations>();
        builder.AddCasesForwardedHeaders();
        builder.AddCasesWriteSide();
        builder.AddCasesReadSide();
        builder.AddCasesGraphQL();
        builder.AddCasesLiveUpdates();
        builder.AddCasesMedia();
        builder.AddCasesOpen311();
        builder.AddCasesOpenData();
        builder.AddCasesNotifications();

        var app = builder.Build();
        app.UseForwardedHeaders(); // first: everything after it sees the citizen's address, not the proxy's
        app.UseCorrelationIds();
        // One structured line per request (not ASP.NET Core's three), with the correlation id beside it.
        app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        // The transparency site: static files, no build step, talking to /graphql only.
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapHealth();
        app.MapStaffAuth();
        app.MapCasesGraphQL();
        app.MapMedia();
        app.MapOpen311();
        app.MapOpenData();
        app.MapNotifications();
        app.MapDeliveryCallbacks();
        app.MapSiteConfig();
        return app;
    }

    public static IConfiguration Configuration(string[] args) =>
        new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("CASES_")
            .AddCommandLine(args)
            .Build();

    /// <summary><c>ConnectionStrings:Cases</c> (env <c>CASES_ConnectionStrings__Cases</c>), else the local cluster scripts/db starts.</summary>
    public static string ConnectionString(IConfiguration config) =>
        config.GetConnectionString("Cases") is { Length: > 0 } cs ? cs : CasesDatabase.DefaultConnectionString();

    static void AddCasesLogging(this WebApplicationBuilder builder)
    {
        // ASP.NET Core's own request lines are off by default, not only where appsettings.json is found (a host
        // started from another directory, the benchmarks): the request-logging middleware writes the one line.
        var logger = new LoggerConfiguration()
            .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}")
            .CreateLogger();
        builder.Services.AddSerilog(logger, dispose: true);
        builder.Services.AddSingleton<Serilog.ILogger>(logger);
    }
}

/// <summary>
/// Applies the app's migrations and Marten's schema before the server takes requests (registered before Marten's
/// daemon and Wolverine start); a failure stops start-up with the file and line.
/// </summary>
sealed class StartupMigrations(NpgsqlDataSource db, ILogger<StartupMigrations> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var applied = await CasesSchema.MigrateAsync(db, CasesApp.Migrations, ct);
        if (applied.Count > 0) log.LogInformation("Applied migrations {Migrations}", applied);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
