using Npgsql;

namespace Cases.Database;

/// <summary>Builds the one <see cref="NpgsqlDataSource"/> a process uses, with timeouts that fail fast.</summary>
public static class CasesDatabase
{
    /// <summary>The private cluster that scripts/db starts (DESIGN 9).</summary>
    public static string DefaultConnectionString(string database = "cases") =>
        $"Host=127.0.0.1;Port={Environment.GetEnvironmentVariable("CASES_PG_PORT") ?? "55432"};Username=postgres;Database={database}";

    public static NpgsqlDataSource Create(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        // A database that is down must give a clear error within seconds, never a hang.
        if (!HasKey(connectionString, "Timeout")) csb.Timeout = 5;
        if (!HasKey(connectionString, "Command Timeout")) csb.CommandTimeout = 30;
        if (!HasKey(connectionString, "Cancellation Timeout")) csb.CancellationTimeout = 2000;
        if (!HasKey(connectionString, "Maximum Pool Size")) csb.MaxPoolSize = 100;
        // The append function reports the stream's actual version in the error detail, which Npgsql hides by default.
        csb.IncludeErrorDetail = true;
        return new NpgsqlDataSourceBuilder(csb.ConnectionString).Build();
    }

    static bool HasKey(string cs, string key) => cs.Contains(key + "=", StringComparison.OrdinalIgnoreCase);
}
