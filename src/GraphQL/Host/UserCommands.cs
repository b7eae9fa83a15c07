using System.CommandLine;
using System.Text;
using Cases.Access;
using NodaTime;

namespace Cases.GraphQL.Host;

/// <summary>
/// <c>users create | disable | list</c>: the admin's staff accounts for the console. The password is read from standard
/// input (typed without echo on a terminal, or piped: <c>--password-stdin</c> says so explicitly), never from the
/// command line, where it would sit in the shell history and the process list.
/// </summary>
public static class UserCommands
{
    public static Command Build()
    {
        var users = new Command("users", "Create, disable and list staff accounts for the console.");

        var login = new Option<string>("--login") { Description = "3 to 64 letters, digits, '.', '-', '_'.", Required = true };
        var name = new Option<string>("--name") { Description = "The person's name.", Required = true };
        var role = new Option<string>("--role") { Description = "operator | agency | auditor | admin", Required = true };
        var agency = new Option<string?>("--agency") { Description = "The agency id, for agency staff." };
        var stdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input (the default; for scripts)." };
        var create = new Command("create", "Create a staff account; the password (at least 12 characters) comes from standard input.") { login, name, role, agency, stdin };
        create.SetAction((p, ct) => CliDatabase.RunAsync("users create", async db =>
        {
            await Database.CasesSchema.MigrateAsync(db, CasesApp.Migrations, ct);
            var password = ReadPassword();
            if (password is null) { Console.Error.WriteLine("users create: no password on standard input"); return 1; }
            var user = await new StaffAccounts(db, SystemClock.Instance, StaffAccountOptions.Default).CreateAsync(
                p.GetValue(login)!, p.GetValue(name)!, ApiKeys.ParseRole(p.GetValue(role)!), p.GetValue(agency), password, $"cli:{Environment.UserName}", ct);
            Console.WriteLine($"users create: {user.Login} ({ApiKeys.RoleName(user.Role)}{(user.AgencyId is null ? "" : $" of {user.AgencyId}")}) created");
            return 0;
        }));

        var who = new Argument<string>("login");
        var disable = new Command("disable", "Disable an account; its sessions end at once.") { who };
        disable.SetAction((p, ct) => CliDatabase.RunAsync("users disable", async db =>
        {
            var user = await new StaffAccounts(db, SystemClock.Instance, StaffAccountOptions.Default).DisableAsync(p.GetValue(who)!, $"cli:{Environment.UserName}", ct);
            if (user is null) { Console.Error.WriteLine($"users disable: no account '{p.GetValue(who)}'"); return 1; }
            Console.WriteLine($"users disable: {user.Login} disabled");
            return 0;
        }));

        var list = new Command("list", "List staff accounts.");
        list.SetAction((_, ct) => CliDatabase.RunAsync("users list", async db =>
        {
            foreach (var u in await new StaffAccounts(db, SystemClock.Instance, StaffAccountOptions.Default).ListAsync(ct))
                Console.WriteLine($"{u.Login,-20} {ApiKeys.RoleName(u.Role),-8} {u.AgencyId ?? "-",-24} {(u.DisabledAt is null ? "active  " : "disabled")}  {u.Name}");
            return 0;
        }));

        users.Subcommands.Add(create);
        users.Subcommands.Add(disable);
        users.Subcommands.Add(list);
        return users;
    }

    static string? ReadPassword()
    {
        if (!Console.IsInputRedirected)
        {
            Console.Error.Write("Password: ");
            var typed = new StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
                if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
                else typed.Append(key.KeyChar);
            Console.Error.WriteLine();
            return typed.ToString();
        }
        return Console.In.ReadLine();
    }
}
