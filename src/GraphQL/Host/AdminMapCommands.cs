using System.CommandLine;
using Cases.Domain;
using Cases.GraphQL.AdminMap;
using Cases.Handlers;
using Cases.Places;
using Cases.Sla;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Cases.GraphQL.Host;

/// <summary>
/// <c>admin-map status | import FILE | reorganise | check FILE...</c>: the administration as dated data (issue 24, see
/// <see cref="AdminMapAdmin"/>). Like the calendar verbs they run the real write side, so a reorganisation goes
/// through the same handlers and chain as a mutation. Exit codes: 0 done, 1 refused or failed.
/// </summary>
public static class AdminMapCommands
{
    static readonly Actor Cli = new($"cli:{Environment.UserName}", Role.Admin);

    public static Command Build()
    {
        var map = new Command("admin-map", "The administrative map: versions in force, importing a reform, moving the cases of ended agencies.");

        var status = new Command("status", "The map versions known, the one in force, and every provisional fact.");
        status.SetAction((_, ct) => Run("admin-map status", async admin =>
        {
            var report = await admin.StatusAsync(ct);
            foreach (var row in report.Versions)
            {
                var v = row.Version;
                Console.WriteLine($"{(row.InForce ? "*" : " ")} {v.Version,-8} from {v.Effective:yyyy-MM-dd}  {v.Areas.Count(a => AreaLevels.IsWardLevel(a.Level)),3} wards and communes, {v.Agencies.Count,3} agencies  {(row.Future ? "future" : row.InForce ? "in force" : "past")}{(row.Imported ? ", imported" : ", shipped")}  {v.Title}");
                foreach (var b in v.Basis) Console.WriteLine($"      basis: {b.Document} ({b.Date:yyyy-MM-dd}) {b.Text}");
            }
            var provisional = report.Versions.SelectMany(r => r.Version.Provisional.Select(p => $"{r.Version.FileName} {p}")).ToList();
            Console.WriteLine($"in force: {report.InForce.Version} ({report.InForce.Province.Name}); provisional facts: {provisional.Count}");
            foreach (var p in provisional) Console.WriteLine($"  provisional {p}");
            return 0;
        }));

        var file = new Argument<FileInfo>("file") { Description = "A map file (the format of docs/admin-map-format.md), e.g. map-2025-07.txt." };
        var import = new Command("import", "Validate a map file against every version and store it; if it is in force, move the cases of the agencies it ends.") { file };
        import.SetAction((p, ct) => Run("admin-map import", async admin =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists) { Console.Error.WriteLine($"admin-map import: no file {path.FullName}"); return 1; }
            try
            {
                var (version, moved) = await admin.ImportAsync(path.Name, await File.ReadAllTextAsync(path.FullName, ct), Cli, Guid.NewGuid().ToString("N"), ct);
                Console.WriteLine($"admin-map import: version {version.Version} stored, in force from {version.Effective:yyyy-MM-dd}");
                if (moved is null) Console.WriteLine("It is not in force yet: run 'admin-map reorganise' on or after that day to move the cases of the agencies it ends.");
                else Print(moved);
                return 0;
            }
            catch (MapDataException e)
            {
                Console.Error.WriteLine($"admin-map import: refused, nothing changed: {e.Message}");
                return 1;
            }
        }));

        var reorganise = new Command("reorganise", "Move every case still held by an agency that a version in force ended to its successor (one event each; safe to run again).");
        reorganise.SetAction((_, ct) => Run("admin-map reorganise", async admin =>
        {
            Print(await admin.ReorganiseAsync(Cli, Guid.NewGuid().ToString("N"), ct));
            return 0;
        }));

        var files = new Argument<FileInfo[]>("files") { Description = "Map files, checked together in date order with nothing stored.", Arity = ArgumentArity.OneOrMore };
        var check = new Command("check", "Check map files (each alone and in date order against each other) without a database.") { files };
        check.SetAction(p =>
        {
            if (p.GetValue(files)!.FirstOrDefault(f => !f.Exists) is { } missing)
            {
                Console.Error.WriteLine($"admin-map check: no file {missing.FullName}");
                return 1;
            }
            try
            {
                var versions = p.GetValue(files)!.Select(f => MapFile.Parse(f.Name, File.ReadAllText(f.FullName))).ToList();
                var maps = AdministrativeMaps.Build(versions, MapLibrary.HueBounds);
                foreach (var v in maps.Versions)
                    Console.WriteLine($"{v.FileName}: version {v.Version} from {v.Effective:yyyy-MM-dd}, {v.Areas.Count} areas, {v.Agencies.Count} agencies, {v.Provisional.Count()} provisional");
                return 0;
            }
            catch (MapDataException e)
            {
                Console.Error.WriteLine($"admin-map check: {e.Message}");
                return 1;
            }
        });

        map.Subcommands.Add(status);
        map.Subcommands.Add(import);
        map.Subcommands.Add(reorganise);
        map.Subcommands.Add(check);
        return map;
    }

    static void Print(ReorganisationSummary s)
    {
        Console.WriteLine($"reorganisation: {s.Changed} cases moved, {s.Unchanged} already with the successor, {s.Refused} closed");
        foreach (var m in s.Moves) Console.WriteLine($"  {m.FromAgency} ({m.FromName}) -> {m.ToAgency}: {m.Cases} cases (map {m.MapVersion})");
        if (s.Staff.Count > 0) Console.WriteLine("staff of ended agencies, to move by hand ('users' and 'keys' verbs):");
        foreach (var x in s.Staff) Console.WriteLine($"  {x.Kind} {x.Id} ({x.Name}) of {x.Agency} -> {x.Successor}");
    }

    static Task<int> Run(string verb, Func<AdminMapAdmin, Task<int>> run) => CliDatabase.RunWriteSideAsync(verb, (sp, db, log) =>
        run(new AdminMapAdmin(sp.GetRequiredService<SlaRulesSource>(), sp.GetRequiredService<CaseCommands>(), db, sp.GetRequiredService<IClock>(), log)));
}
