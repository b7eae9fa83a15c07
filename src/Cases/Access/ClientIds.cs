using System.Net;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Cases.Access;

/// <summary>
/// The pseudonymous id of a client: the first 16 hex digits of an HMAC-SHA-256 of its address. It tells clients
/// apart for rate limits and in event headers without keeping the address (DESIGN 7). The salt is the same on
/// every node and across restarts (issue 26): <c>IpHashSalt</c> from configuration when set, otherwise the one row of
/// <c>cases.client_salt</c>, drawn once by the first node that needs it. A rotated salt is picked up within
/// <see cref="Refresh"/>; the old one is used until then, so a request never waits on the rotation.
/// </summary>
public sealed class ClientIds
{
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);

    readonly NpgsqlDataSource db;
    readonly byte[]? configured;
    volatile byte[]? salt;
    long loadedAt; // Environment.TickCount64 of the last load
    int refreshing;

    public ClientIds(NpgsqlDataSource db, string? configuredSalt)
    {
        this.db = db;
        configured = configuredSalt is { Length: > 0 } s ? Encoding.UTF8.GetBytes(s) : null;
    }

    /// <summary>The client id of <paramref name="address"/> (a local call without one is "local").</summary>
    public string Of(IPAddress? address)
    {
        var key = configured ?? CurrentSalt();
        var text = address is null ? "local" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)))[..16];
    }

    byte[] CurrentSalt()
    {
        if (salt is null)
        {
            // The first request of the process waits for one round trip; every later one uses what is cached.
            salt = LoadOrCreate();
            loadedAt = Environment.TickCount64;
        }
        else if (Environment.TickCount64 - Interlocked.Read(ref loadedAt) > Refresh.TotalMilliseconds && Interlocked.Exchange(ref refreshing, 1) == 0)
            _ = Task.Run(() =>
            {
                try { salt = LoadOrCreate(); Interlocked.Exchange(ref loadedAt, Environment.TickCount64); }
                catch (NpgsqlException) { } // the database is away: keep the salt we have and try again later
                finally { Volatile.Write(ref refreshing, 0); }
            });
        return salt;
    }

    /// <summary>Draws the salt unless a node already has: whichever insert wins, every node reads the same row.</summary>
    byte[] LoadOrCreate()
    {
        // A node that drew at the same moment as another waits on its insert, then finds no row in its own
        // statement's snapshot: the next statement sees the winner's.
        for (var attempt = 0; ; attempt++)
            if (TryLoadOrCreate() is { } found) return found;
            else if (attempt == 2) throw new InvalidOperationException("cases.client_salt has no row after three tries.");
    }

    byte[]? TryLoadOrCreate()
    {
        using var cmd = db.CreateCommand("""
            with drawn as (insert into cases.client_salt (id, salt) values (1, $1) on conflict (id) do nothing returning salt)
            select salt from drawn union all select salt from cases.client_salt where id = 1 limit 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = RandomNumberGenerator.GetBytes(32) });
        return cmd.ExecuteScalar() as byte[];
    }

    /// <summary>
    /// Replaces the salt (a privacy operation: ids made after it cannot be linked to ids made before). Nodes use the
    /// new salt within <see cref="Refresh"/>; rate-limit counts start afresh for every client.
    /// </summary>
    public static async Task RotateAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            insert into cases.client_salt (id, salt, created_at) values (1, $1, now())
            on conflict (id) do update set salt = excluded.salt, created_at = excluded.created_at
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = RandomNumberGenerator.GetBytes(32) });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>When the stored salt was drawn, or null before any node needed one.</summary>
    public static async Task<DateTime?> StoredSinceAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("select created_at from cases.client_salt where id = 1");
        return await cmd.ExecuteScalarAsync(ct) as DateTime?;
    }
}
