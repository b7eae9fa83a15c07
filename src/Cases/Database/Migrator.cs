using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Cases.Database;

/// <summary>One ordered set of migrations: numbered SQL files embedded in an assembly (<c>0001_name.sql</c>).</summary>
public sealed record MigrationSet(string Module, Assembly Assembly, string ResourcePrefix);

/// <summary>
/// Applies numbered SQL files in order, each in its own transaction, recording each in
/// <c>cases.schema_migrations</c> with a checksum. A second run changes nothing; a failed file rolls back
/// entirely and the error names the file and the line. A file changed after it was applied is refused:
/// history is rewritten with a new migration, never by editing an old one.
/// </summary>
public static class Migrator
{
    // Serialises concurrent start-ups of several nodes (any constant unique to this purpose).
    const long LockKey = 0x4341534553_01;

    public static readonly MigrationSet Cases =
        new("cases", typeof(Migrator).Assembly, "Cases.Migrations.");

    public static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlDataSource db, IEnumerable<MigrationSet> sets, CancellationToken ct = default)
    {
        var applied = new List<string>();
        await using var conn = await db.OpenConnectionAsync(ct);
        await Exec(conn, "select pg_advisory_lock($1)", ct, LockKey);
        try
        {
            await Exec(conn, """
                create schema if not exists cases;
                create table if not exists cases.schema_migrations (
                    id         text primary key,
                    checksum   text not null,
                    applied_at timestamptz not null default now())
                """, ct);
            var done = new Dictionary<string, string>();
            await using (var cmd = new NpgsqlCommand("select id, checksum from cases.schema_migrations", conn))
            await using (var r = await cmd.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) done[r.GetString(0)] = r.GetString(1);

            foreach (var set in sets)
            foreach (var (id, file, sql) in Load(set))
            {
                var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
                if (done.TryGetValue(id, out var old))
                {
                    if (old != checksum)
                        throw new MigrationException($"Migration {file} was changed after it was applied; add a new migration instead.");
                    continue;
                }
                await using var tx = await conn.BeginTransactionAsync(ct);
                try
                {
                    foreach (var (offset, statement) in Statements(sql))
                    {
                        try { await Exec(conn, statement, ct); }
                        catch (PostgresException e)
                        {
                            var line = sql[..Math.Min(sql.Length, offset + Math.Max(0, e.Position - 1))].Count(c => c == '\n') + 1;
                            throw new MigrationException($"Migration {file} failed at line {line}: {e.MessageText}", e);
                        }
                    }
                    await Exec(conn, "insert into cases.schema_migrations (id, checksum) values ($1, $2)", ct, id, checksum);
                    await tx.CommitAsync(ct);
                    applied.Add(id);
                }
                catch (MigrationException)
                {
                    await tx.RollbackAsync(CancellationToken.None);
                    throw;
                }
            }
        }
        finally
        {
            await Exec(conn, "select pg_advisory_unlock($1)", CancellationToken.None, LockKey);
        }
        return applied;
    }

    /// <summary>
    /// The file's statements with their offsets. Run one by one so an error's position (which the server
    /// counts from the start of the failing statement) becomes a line of the file. Knows quotes, comments
    /// and dollar-quoted bodies, which is all our migrations use.
    /// </summary>
    internal static IEnumerable<(int Offset, string Sql)> Statements(string sql)
    {
        var start = 0;
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c == '\'' || c == '"') i = sql.IndexOf(c, i + 1) is var end and >= 0 ? end : sql.Length;
            else if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-') i = sql.IndexOf('\n', i) is var end and >= 0 ? end : sql.Length;
            else if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*') i = sql.IndexOf("*/", i + 2, StringComparison.Ordinal) is var end and >= 0 ? end + 1 : sql.Length;
            else if (c == '$' && System.Text.RegularExpressions.Regex.Match(sql[i..], @"^\$[A-Za-z_]*\$") is { Success: true } tag)
                i = sql.IndexOf(tag.Value, i + tag.Length, StringComparison.Ordinal) is var end and >= 0 ? end + tag.Length - 1 : sql.Length;
            else if (c == ';')
            {
                if (!string.IsNullOrWhiteSpace(sql[start..i])) yield return (start, sql[start..i]);
                start = i + 1;
            }
        }
        if (start < sql.Length && !string.IsNullOrWhiteSpace(StripComments(sql[start..]))) yield return (start, sql[start..]);
    }

    static string StripComments(string s) => string.Join("\n", s.Split('\n').Select(l => l.Split("--")[0]));

    /// <summary>A short digest of every migration's id and text: equal fingerprints mean equal schemas.</summary>
    public static string Fingerprint(IEnumerable<MigrationSet> sets)
    {
        var all = string.Join("\n", sets.SelectMany(Load).Select(m => m.Id + ":" + m.Sql));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(all)))[..16];
    }

    static IEnumerable<(string Id, string File, string Sql)> Load(MigrationSet set)
    {
        var names = set.Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(set.ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var file = name[set.ResourcePrefix.Length..];
            using var stream = set.Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            yield return ($"{set.Module}/{file[..^4]}", file, reader.ReadToEnd());
        }
    }

    static async Task Exec(NpgsqlConnection conn, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
