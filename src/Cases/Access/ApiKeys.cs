using Cases.Domain;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace Cases.Access;

public sealed record ApiKeyInfo(Guid Id, string Name, Role Role, string? AgencyId, Instant CreatedAt, Instant? ExpiresAt, Instant? RevokedAt);

/// <summary>Why a presented key was not accepted; the API turns each into a typed error.</summary>
public enum KeyRejection { Unknown, Revoked, Expired }

/// <summary>
/// API keys for operators, agencies, auditors and admins (DESIGN 7): 32 random bytes, stored as a SHA-256
/// hash with the role and agency, revocable, optionally expiring. The key is returned once, at creation.
/// </summary>
public sealed class ApiKeys(NpgsqlDataSource db, IClock clock)
{
    public const string Prefix = "ck_";

    public async Task<(ApiKeyInfo Info, string Key)> CreateAsync(Role role, string? agencyId, string name, Instant? expiresAt = null, CancellationToken ct = default)
    {
        if (role is not (Role.Operator or Role.Agency or Role.Auditor or Role.Admin or Role.Partner))
            throw new ArgumentException($"Keys are for operators, agencies, auditors, admins and partner systems, not {role}.", nameof(role));
        if ((role == Role.Agency) != (agencyId is not null))
            throw new ArgumentException("An agency key names its agency; other keys name none.", nameof(agencyId));
        if (agencyId is not null)
        {
            await using var known = db.CreateCommand("select 1 from cases.agencies where id = $1");
            known.Parameters.Add(new NpgsqlParameter { Value = agencyId });
            if (await known.ExecuteScalarAsync(ct) is null) throw new ArgumentException($"Unknown agency '{agencyId}'.", nameof(agencyId));
        }
        var key = Secrets.New(Prefix);
        var info = new ApiKeyInfo(Guid.CreateVersion7(), name, role, agencyId, clock.GetCurrentInstant(), expiresAt, null);
        await using var cmd = db.CreateCommand("""
            insert into cases.api_keys (id, name, role, agency_id, key_hash, created_at, expires_at) values ($1, $2, $3, $4, $5, $6, $7)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = info.Id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        cmd.Parameters.Add(new NpgsqlParameter { Value = RoleName(role) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)agencyId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Secrets.Hash(key) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = info.CreatedAt.ToDateTimeUtc() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)expiresAt?.ToDateTimeUtc() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await cmd.ExecuteNonQueryAsync(ct);
        return (info, key);
    }

    /// <summary>The actor a key stands for, or why it is refused.</summary>
    public async Task<(Actor? Actor, KeyRejection? Rejection)> AuthenticateAsync(string key, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("select id, role, agency_id, expires_at, revoked_at from cases.api_keys where key_hash = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = Secrets.Hash(key) });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return (null, KeyRejection.Unknown);
        if (!r.IsDBNull(4)) return (null, KeyRejection.Revoked);
        if (!r.IsDBNull(3) && Instant.FromDateTimeUtc(r.GetDateTime(3)) <= clock.GetCurrentInstant()) return (null, KeyRejection.Expired);
        return (new Actor($"key:{r.GetGuid(0)}", ParseRole(r.GetString(1)), r.IsDBNull(2) ? null : r.GetString(2)), null);
    }

    public async Task<bool> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("update cases.api_keys set revoked_at = $2 where id = $1 and revoked_at is null");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = clock.GetCurrentInstant().ToDateTimeUtc() });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("select id, name, role, agency_id, created_at, expires_at, revoked_at from cases.api_keys order by created_at");
        var list = new List<ApiKeyInfo>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        static Instant? At(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : Instant.FromDateTimeUtc(r.GetDateTime(i));
        while (await r.ReadAsync(ct))
            list.Add(new ApiKeyInfo(r.GetGuid(0), r.GetString(1), ParseRole(r.GetString(2)), r.IsDBNull(3) ? null : r.GetString(3),
                Instant.FromDateTimeUtc(r.GetDateTime(4)), At(r, 5), At(r, 6)));
        return list;
    }

    public static string RoleName(Role role) => role.ToString().ToLowerInvariant();

    public static Role ParseRole(string name) =>
        Enum.TryParse<Role>(name, ignoreCase: true, out var role) ? role : throw new ArgumentException($"Unknown role '{name}'.");
}
