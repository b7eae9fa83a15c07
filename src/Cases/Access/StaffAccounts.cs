using System.Security.Cryptography;
using System.Text.Json;
using Cases.Domain;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace Cases.Access;

public sealed record StaffUser(string Login, string Name, Role Role, string? AgencyId, Instant CreatedAt, Instant? DisabledAt, Instant? LastSignInAt)
{
    /// <summary>The actor the decider judges: one id per person, so events name who acted.</summary>
    public Actor Actor => new($"user:{Login}", Role, AgencyId);
}

/// <summary>A signed-in browser: the cookie's token (shown once, to the browser) and the token the page sends against CSRF.</summary>
public sealed record StaffSession(StaffUser User, string Token, string CsrfToken, Instant ExpiresAt);

/// <summary>Why a sign-in was refused. Unknown logins and wrong passwords are one answer, so logins cannot be probed.</summary>
public enum SignInRefusal { WrongLoginOrPassword, Locked, Disabled }

/// <summary>Why a session cookie was not accepted.</summary>
public enum SessionRefusal { Unknown, Expired }

/// <summary>
/// Staff accounts for the console (DESIGN 7): created and disabled by an admin, passwords hashed with ASP.NET Core
/// Identity's <see cref="PasswordHasher{TUser}"/>, sessions that expire and can be revoked, and a lock-out after
/// <see cref="MaxFailures"/> failures in a row. Every sign-in, failure, lock-out, sign-out and account change is
/// written to <c>cases.staff_audit</c>. Passwords and tokens are never stored or logged in clear.
/// </summary>
public sealed class StaffAccounts(NpgsqlDataSource db, IClock clock, StaffAccountOptions options)
{
    public const int MaxFailures = 5;
    const int MinPasswordLength = 12;
    static readonly PasswordHasher<StaffUser> Hasher = new();

    public async Task<StaffUser> CreateAsync(string login, string name, Role role, string? agencyId, string password, string by, CancellationToken ct = default)
    {
        login = login.Trim().ToLowerInvariant();
        if (login.Length is < 3 or > 64 || !login.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            throw new ArgumentException("A login is 3 to 64 letters, digits, '.', '-' or '_'.", nameof(login));
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A staff account needs the person's name.", nameof(name));
        if (role is not (Role.Operator or Role.Agency or Role.Auditor or Role.Admin))
            throw new ArgumentException($"Staff are operators, agency staff, auditors or admins, not {role}.", nameof(role));
        if ((role == Role.Agency) != (agencyId is not null))
            throw new ArgumentException("Agency staff name their agency; other staff name none.", nameof(agencyId));
        if (password.Length < MinPasswordLength)
            throw new ArgumentException($"A password has at least {MinPasswordLength} characters.", nameof(password));

        var user = new StaffUser(login, name.Trim(), role, agencyId, clock.GetCurrentInstant(), null, null);
        await using var cmd = db.CreateCommand("""
            insert into cases.staff_users (login, name, role, agency_id, password_hash, created_at) values ($1, $2, $3, $4, $5, $6)
            """);
        cmd.Parameters.Add(Text(login));
        cmd.Parameters.Add(Text(user.Name));
        cmd.Parameters.Add(Text(ApiKeys.RoleName(role)));
        cmd.Parameters.Add(Text(agencyId));
        cmd.Parameters.Add(Text(Hasher.HashPassword(user, password)));
        cmd.Parameters.Add(Time(user.CreatedAt));
        try
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new ArgumentException($"The login '{login}' is taken.", nameof(login));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw new ArgumentException($"Unknown agency '{agencyId}'.", nameof(agencyId));
        }
        await AuditAsync(login, "user_created", new { by, role = ApiKeys.RoleName(role), agencyId }, null, null, ct);
        return user;
    }

    /// <summary>Disables an account and revokes its sessions at once. Returns null for an unknown login.</summary>
    public async Task<StaffUser?> DisableAsync(string login, string by, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(Command("update cases.staff_users set disabled_at = coalesce(disabled_at, $2) where login = $1", Text(login), Time(now)));
        batch.BatchCommands.Add(Command("update cases.staff_sessions set revoked_at = $2 where login = $1 and revoked_at is null", Text(login), Time(now)));
        await batch.ExecuteNonQueryAsync(ct);
        if (await FindAsync(login, ct) is not { } user) return null;
        await AuditAsync(login, "user_disabled", new { by }, null, null, ct);
        return user;
    }

    public async Task<IReadOnlyList<StaffUser>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<StaffUser>();
        await using var cmd = db.CreateCommand($"select {UserColumns} from cases.staff_users order by login");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(ReadUser(r));
        return list;
    }

    public async Task<StaffUser?> FindAsync(string login, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand($"select {UserColumns} from cases.staff_users where login = $1");
        cmd.Parameters.Add(Text(login));
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? ReadUser(r) : null;
    }

    /// <summary>
    /// Checks the password and opens a session, or says why not. The row is locked while it is judged, so parallel
    /// guesses count one by one; the <see cref="MaxFailures"/>th failure in a row locks the account for
    /// <see cref="StaffAccountOptions.LockOut"/>, and a sign-in while locked fails without checking the password.
    /// </summary>
    public async Task<(StaffSession? Session, SignInRefusal? Refusal, Instant? LockedUntil)> SignInAsync(
        string login, string password, string clientIpHash, string correlationId, CancellationToken ct = default)
    {
        login = login.Trim().ToLowerInvariant();
        var now = clock.GetCurrentInstant();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        StaffUser? found = null;
        string hash = "";
        int failures = 0;
        Instant? lockedUntil = null;
        // The reader is disposed once, when this block ends, before the transaction is used again: disposed a second
        // time later, it would act on the connection's reader object, which Npgsql reuses for the next command.
        await using (var select = new NpgsqlCommand($"select {UserColumns}, password_hash, failed_attempts, locked_until from cases.staff_users where login = $1 for update", conn, tx))
        {
            select.Parameters.Add(Text(login));
            await using var r = await select.ExecuteReaderAsync(ct);
            if (await r.ReadAsync(ct))
            {
                found = ReadUser(r);
                hash = r.GetString(7);
                failures = r.GetInt32(8);
                lockedUntil = r.IsDBNull(9) ? null : Instant.FromDateTimeUtc(r.GetDateTime(9));
            }
        }
        if (found is not { } user)
        {
            // Hash anyway, so an unknown login takes as long as a wrong password.
            Hasher.VerifyHashedPassword(Nobody, DummyHash, password);
            await tx.CommitAsync(ct);
            await AuditAsync(login, "sign_in_failed", new { reason = "unknown login" }, correlationId, clientIpHash, ct);
            return (null, SignInRefusal.WrongLoginOrPassword, null);
        }

        if (lockedUntil is { } until && until > now)
        {
            await tx.CommitAsync(ct);
            await AuditAsync(login, "sign_in_failed", new { reason = "locked" }, correlationId, clientIpHash, ct);
            return (null, SignInRefusal.Locked, until);
        }
        var verdict = Hasher.VerifyHashedPassword(user, hash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            failures++;
            var locks = failures >= MaxFailures;
            Instant? lockEnd = locks ? now + options.LockOut : null;
            await using (var update = new NpgsqlCommand(
                "update cases.staff_users set failed_attempts = $2, locked_until = $3 where login = $1", conn, tx))
            {
                update.Parameters.Add(Text(login));
                update.Parameters.Add(new NpgsqlParameter { Value = locks ? 0 : failures });
                update.Parameters.Add(Time(lockEnd));
                await update.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
            await AuditAsync(login, locks ? "locked" : "sign_in_failed", new { reason = "wrong password", failures }, correlationId, clientIpHash, ct);
            return locks ? (null, SignInRefusal.Locked, lockEnd) : (null, SignInRefusal.WrongLoginOrPassword, null);
        }
        if (user.DisabledAt is not null)
        {
            await tx.CommitAsync(ct);
            await AuditAsync(login, "sign_in_failed", new { reason = "disabled" }, correlationId, clientIpHash, ct);
            return (null, SignInRefusal.Disabled, null);
        }

        var token = Secrets.New("cs_");
        var csrf = Secrets.New("");
        var expires = now + options.SessionLifetime;
        await using (var batch = new NpgsqlBatch(conn, tx))
        {
            batch.BatchCommands.Add(Command(
                "update cases.staff_users set failed_attempts = 0, locked_until = null, last_sign_in_at = $2, password_hash = coalesce($3, password_hash) where login = $1",
                Text(login), Time(now), Text(verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user, password) : null)));
            batch.BatchCommands.Add(Command(
                "insert into cases.staff_sessions (token_hash, login, csrf_token, created_at, expires_at, client_ip_hash) values ($1, $2, $3, $4, $5, $6)",
                new NpgsqlParameter { Value = Secrets.Hash(token) }, Text(login), Text(csrf), Time(now), Time(expires), Text(clientIpHash)));
            await batch.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        await AuditAsync(login, "sign_in", new { expiresAt = expires.ToString() }, correlationId, clientIpHash, ct);
        return (new StaffSession(user with { LastSignInAt = now }, token, csrf, expires), null, null);
    }

    /// <summary>The live session a cookie's token opens, or why not (revoked, unknown, expired, or a disabled account).</summary>
    public async Task<(StaffSession? Session, SessionRefusal? Refusal)> SessionAsync(string token, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand($"""
            select u.login, u.name, u.role, u.agency_id, u.created_at, u.disabled_at, u.last_sign_in_at, s.csrf_token, s.expires_at, s.revoked_at
            from cases.staff_sessions s join cases.staff_users u using (login) where s.token_hash = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = Secrets.Hash(token) });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return (null, SessionRefusal.Unknown);
        var user = ReadUser(r);
        var expires = Instant.FromDateTimeUtc(r.GetDateTime(8));
        if (!r.IsDBNull(9) || user.DisabledAt is not null || expires <= clock.GetCurrentInstant()) return (null, SessionRefusal.Expired);
        return (new StaffSession(user, token, r.GetString(7), expires), null);
    }

    /// <summary>Revokes the session: the same cookie opens nothing afterwards.</summary>
    public async Task SignOutAsync(StaffSession session, string correlationId, string clientIpHash, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("update cases.staff_sessions set revoked_at = $2 where token_hash = $1 and revoked_at is null");
        cmd.Parameters.Add(new NpgsqlParameter { Value = Secrets.Hash(session.Token) });
        cmd.Parameters.Add(Time(clock.GetCurrentInstant()));
        await cmd.ExecuteNonQueryAsync(ct);
        await AuditAsync(session.User.Login, "sign_out", new { }, correlationId, clientIpHash, ct);
    }

    /// <summary>Writes one line of the staff audit trail (sign-ins, account changes, views of a reporter's contact).</summary>
    public async Task AuditAsync(string? login, string what, object detail, string? correlationId, string? clientIpHash, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            insert into cases.staff_audit (at, login, event, detail, correlation_id, client_ip_hash) values ($1, $2, $3, $4::jsonb, $5, $6)
            """);
        cmd.Parameters.Add(Time(clock.GetCurrentInstant()));
        cmd.Parameters.Add(Text(login));
        cmd.Parameters.Add(Text(what));
        cmd.Parameters.Add(Text(JsonSerializer.Serialize(detail)));
        cmd.Parameters.Add(Text(correlationId));
        cmd.Parameters.Add(Text(clientIpHash));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    const string UserColumns = "login, name, role, agency_id, created_at, disabled_at, last_sign_in_at";

    static StaffUser ReadUser(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), ApiKeys.ParseRole(r.GetString(2)),
        r.IsDBNull(3) ? null : r.GetString(3), Instant.FromDateTimeUtc(r.GetDateTime(4)),
        r.IsDBNull(5) ? null : Instant.FromDateTimeUtc(r.GetDateTime(5)), r.IsDBNull(6) ? null : Instant.FromDateTimeUtc(r.GetDateTime(6)));

    static readonly StaffUser Nobody = new("", "", Role.Public, null, default, null, null);
    static readonly string DummyHash = Hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)));

    static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
    static NpgsqlParameter Time(Instant? value) => new() { Value = (object?)value?.ToDateTimeUtc() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }
}

/// <summary>How long a console session lasts and how long a lock-out holds (<c>Authentication:SessionHours</c>, <c>Authentication:LockOutMinutes</c>).</summary>
public sealed record StaffAccountOptions(Duration SessionLifetime, Duration LockOut)
{
    public static readonly StaffAccountOptions Default = new(Duration.FromHours(8), Duration.FromMinutes(15));
}
