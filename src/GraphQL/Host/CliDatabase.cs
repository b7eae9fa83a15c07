using Cases.Database;
using Npgsql;

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
)
        {
            var message = e is ArgumentException { ParamName: { } param } ? e.Message.Replace($" (Parameter '{param}')", "") : e.Message;
            Console.Error.WriteLine($"{verb}: {message}");
            return 1;
        }
    }
}
