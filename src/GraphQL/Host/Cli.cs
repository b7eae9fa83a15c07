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
        serve.SetAction((parse, ct) => Serve(parse.UnmatchedTokens.ToArray(), root, ct));
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
        root.Subcommands.Add(AdminCommands.Clients());
        root.Subcommands.Add(ProjectionCommands.Build());
        root.Subcommands.Add(CalendarCommands.Build());
        root.Subcommands.Add(AdminMapCommands.Build());
        root.Subcommands.Add(UserCommands.Build());
        root.Subcommands.Add(Seeding.SeedCommand.Build());
        root.Subcommands.Add(CodegenCommands.Build());
        root.Subcommands.Add(ExportCommands.Build());
        root.Subcommands.Add(Notifications.NotificationCommands.Build());

        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((parse, ct) => Serve(parse.UnmatchedTokens.ToArray(), root, ct));
        return root;
    }

    static async Task<int> Serve(string[] args, RootCommand root, CancellationToken ct)
    {
        // What is left over goes to ASP.NET Core as --name value pairs (--urls ...). A bare word there is a mistyped
        // verb ("projectoins status"): it must not start a server that joins the cluster as a node.
        if (StrayWord(args) is { } word)
        {
            Console.Error.WriteLine($"cases: unknown verb or argument '{word}'. Verbs: {string.Join(", ", root.Subcommands.Select(c => c.Name))} (--help for each).");
            return 2;
        }
        WebApplication app;
        try
        {
            app = CasesApp.Build(args);
        }
        catch (Cases.Places.ProvinceConfigurationException e)
        {
            Console.Error.WriteLine($"cases: {e.Message}");
            return 1;
        }
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A parse error (an unknown verb, option or argument) prints the errors and
    /// the verbs and exits 2, before anything starts.
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var root = Build();
        var parse = root.Parse(args);
        // Leftovers belong to ASP.NET Core only when serving (serve, or no verb: --urls ...); any other verb refuses them.
        var stray = parse.CommandResult.Command is RootCommand || parse.CommandResult.Command.Name == "serve"
            ? [] : parse.UnmatchedTokens.Select(t => $"Unrecognized argument or option '{t}' for '{parse.CommandResult.Command.Name}'.");
        var errors = parse.Errors.Select(e => e.Message).Concat(stray).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors) Console.Error.WriteLine($"cases: {error}");
            // Under a verb with verbs of its own (admin-map, calendar ...), those are the ones to list.
            var within = parse.CommandResult.Command is { Subcommands.Count: > 0 } c && c is not RootCommand ? c : null;
            if (within is not null) Console.Error.WriteLine($"Verbs of {within.Name}: {string.Join(", ", within.Subcommands.Select(c => c.Name))}.");
            Console.Error.WriteLine($"Verbs: {string.Join(", ", root.Subcommands.Select(c => c.Name))} (--help for each).");
            return 2;
        }
        return await parse.InvokeAsync();
    }

    /// <summary>The first token that is neither an option nor the value of the option before it.</summary>
    static string? StrayWord(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith('-')) continue;
            var previous = i > 0 ? args[i - 1] : null;
            if (previous is null || !previous.StartsWith('-') || previous.Contains('=')) return args[i];
        }
        return null;
    }
}
