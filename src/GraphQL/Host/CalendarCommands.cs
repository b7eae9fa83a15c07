using System.CommandLine;
using Cases.Domain;
using Cases.GraphQL.Calendar;
using Cases.Handlers;
using Cases.Sla;
using NodaTime;

namespace Cases.GraphQL.Host;

/// <summary>
/// <c>calendar status | import FILE | recompute --reason R</c>: the admin's calendar verbs (see <see cref="CalendarAdmin"/>).
/// They run the real write side (Wolverine and Marten, no projection daemon), so a recompute goes through the same
/// handlers, chain and deadline scheduling as a mutation. Exit codes: 0 done, 1 refused or failed, 2 coverage warning.
/// </summary>
public static class CalendarCommands
{
    static readonly Actor Cli = new($"cli:{Environment.UserName}", Role.Admin);

    public static Command Build()
    {
        var calendar = new Command("calendar", "The working-time calendar: coverage, importing a year, recomputing open due times.");

        var status = new Command("status", "Which calendar versions are in force, how far ahead they reach, and what is provisional. Exits 2 when under 120 days.");
        status.SetAction((_, ct) => Run("calendar status", async admin =>
        {
            var report = await admin.StatusAsync(ct);
            var c = report.Coverage;
            Console.WriteLine($"calendar:  {c.CalendarVersion}");
            foreach (var y in c.InForce)
                Console.WriteLine($"  {y.Year}  version {y.Version,-8} {y.Holidays.Count,2} days off, {y.Workdays.Count} make-up days{(y.Provisional.Count > 0 ? $", {y.Provisional.Count} provisional" : "")}");
            Console.WriteLine($"{(c.Warning ? "WARNING" : "covered")}:  {c.Message}");
            foreach (var (date, name) in c.ProvisionalAhead)
                Console.WriteLine($"  provisional {date:uuuu-MM-dd} {name}");
            Console.WriteLine($"open cases: {report.Open}, with due times on assumed working days: {report.OpenOnAssumedDays}");
            return c.Warning ? 2 : 0;
        }));

        var file = new Argument<FileInfo>("file") { Description = "A yearly calendar file, e.g. calendar-2027.txt (the format of src/Cases/Sla/Data)." };
        var import = new Command("import", "Validate a yearly calendar file and store it as the next version of its year.") { file };
        import.SetAction((p, ct) => Run("calendar import", async admin =>
        {
            var path = p.GetValue(file)!;
            if (!path.Exists) { Console.Error.WriteLine($"calendar import: no file {path.FullName}"); return 1; }
            try
            {
                var year = await admin.ImportAsync(path.Name, await File.ReadAllTextAsync(path.FullName, ct), Cli, Guid.NewGuid().ToString("N"), ct);
                Console.WriteLine($"calendar import: {year.Year} version {year.Version} stored ({year.Holidays.Count} days off, {year.Workdays.Count} make-up days, {year.Provisional.Count} provisional)");
                Console.WriteLine("Clocks started from now on use it. Due times already computed stay; 'calendar recompute --reason ...' re-measures open ones.");
                return 0;
            }
            catch (CalendarDataException e)
            {
                Console.Error.WriteLine($"calendar import: refused, nothing changed: {e.Message}");
                return 1;
            }
        }));

        var reason = new Option<string>("--reason") { Description = "Why, recorded in every event appended.", Required = true };
        var recompute = new Command("recompute", "Re-measure every open case's due times with the calendar in force; one event per case that moves.") { reason };
        recompute.SetAction((p, ct) => Run("calendar recompute", async admin =>
        {
            var summary = await admin.RecomputeAsync(p.GetValue(reason)!, Cli, Guid.NewGuid().ToString("N"),
                new Progress<int>(n => { if (n % 1000 == 0) Console.WriteLine($"  {n} cases"); }), ct);
            Console.WriteLine($"calendar recompute: {summary.Considered} open cases with calendar {summary.CalendarVersion}: " +
                $"{summary.Changed} changed, {summary.Unchanged} unchanged, {summary.Refused} no longer open");
            return 0;
        }));

        calendar.Subcommands.Add(status);
        calendar.Subcommands.Add(import);
        calendar.Subcommands.Add(recompute);
        return calendar;
    }

    static Task<int> Run(string verb, Func<CalendarAdmin, Task<int>> run) => CliDatabase.RunWriteSideAsync(verb, (sp, db, log) =>
        run(new CalendarAdmin(sp.GetRequiredService<SlaRulesSource>(), sp.GetRequiredService<CaseCommands>(), db, sp.GetRequiredService<IClock>(), log)));
}
