using Cases.Database;
using Npgsql;
using Xunit;

namespace Cases.Testing;

/// <summary>
/// A private database for one test class on the cluster scripts/db starts: cloned from a template that
/// holds the migrated schema (the app's migrations and Marten's tables) (built once per schema fingerprint, under a lock, so parallel test projects
/// share it), and dropped afterwards. Tests never mock the database.
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    const long TemplateLock = 0x4341534553_7E;

    protected abstract IReadOnlyList<MigrationSet> Migrations { get; }

    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N")[..16];
    public string ConnectionString => CasesDatabase.DefaultConnectionString(Name);
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var template = "tpl_" + CasesSchema.Fingerprint(Migrations);
        await using var admin = CasesDatabase.Create(CasesDatabase.DefaultConnectionString("postgres"));
        await using (var conn = await admin.OpenConnectionAsync())
        {
            await Exec(conn, $"select pg_advisory_lock({TemplateLock})");
            try
            {
                await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", conn) { Parameters = { new() { Value = template } } };
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await Exec(conn, $"create database {template}");
                    await using var tpl = CasesDatabase.Create(CasesDatabase.DefaultConnectionString(template));
                    await CasesSchema.MigrateAsync(tpl, Migrations);
                }
            }
            finally
            {
                await Exec(conn, $"select pg_advisory_unlock({TemplateLock})");
            }
        }
        // CREATE DATABASE ... TEMPLATE fails while another session is connected to the template.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var conn = await admin.OpenConnectionAsync();
                await Exec(conn, $"create database {Name} template {template}");
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 50)
            {
                await Task.Delay(100);
            }
        }
        DataSource = CasesDatabase.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = CasesDatabase.Create(CasesDatabase.DefaultConnectionString("postgres"));
        await using var conn = await admin.OpenConnectionAsync();
        await Exec(conn, $"drop database if exists {Name} with (force)");
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] args)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    public async Task ExecAsync(string sql, params object[] args)
    {
        await using var cmd = DataSource.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await cmd.ExecuteNonQueryAsync();
    }

    static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>A database with the event store's schema only (Marten's tables and the app's own).</summary>
public sealed class EventStoreDatabase : TestDatabase
{
    protected override IReadOnlyList<MigrationSet> Migrations => [Migrator.Cases];
}
