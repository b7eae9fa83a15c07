using System.CommandLine;
using Cases.Database;

namespace Cases.GraphQL.Host;

/// <summary>The command-line verbs (DESIGN 8). Each verb is a few lines that call into the libraries.</summary>
public static class Cli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Cases: the event-sourced case core of the provincial operations center.");
        var serve = new Command("serve", "Migrate the database and serve /graphql, /health and the transparency site.");
        serve.TreatUnmatchedTokensAsErrors = false; // ASP.NET Core options such as --urls pass through
        serve.SetAction((parse, ct) => Serve(parse.UnmatchedTokens.ToArray(), ct));
        root.Subcommands.Add(serve);

        var migrate = new Command("migrate", "Apply the database migrations and exit.");
        migrate.SetAction((_, ct) => CliDatabase.RunAsync("migrate", async db =>
        {
            var applied = await CasesSchema.MigrateAsync(db, CasesApp.Migrations, ct);
            Console.WriteLine(applied.Count == 0 ? "migrate: the schema is up to date" : $"migrate: applied {string.Join(", ", applied)}");
            return 0;
        }));
        root.Subcommands.Add(migrate);
        root.Subcommands.Add(AdminCommands.Keys());
        root.Subcommands.Add(AdminCommands.Audit());
        root.Subcommands.Add(ProjectionCommands.Build());
        root.Subcommands.Add(CalendarCommands.Build());
        root.Subcommands.Add(UserCommands.Build());
        root.Subcommands.Add(Seeding.SeedCommand.Build());
        root.Subcommands.Add(CodegenCommands.Build());
        root.Subcommands.Add(Notifications.NotificationCommands.Build());

        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parse, ct) => Serve(parse.UnmatchedTokens.ToArray(), ct));
        return root;
    }

    static async Task<int> Serve(string[] args, CancellationToken ct)
    {
        var app = CasesApp.Build(args);
        await app.RunAsync();
        return 0;
    }
}
