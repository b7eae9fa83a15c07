using Cases.Domain;
using Npgsql;

namespace Cases.Notifications;

/// <summary>An agency's notification addresses: where its immediate messages and digest go, and where its overdue cases escalate.</summary>
public sealed record AgencyAddress(string AgencyId, string Name, string? Email, string? EscalationEmail);

/// <summary>
/// cases.agencies' <c>notify_email</c> and <c>escalation_email</c> (migration 0007), set by an admin (issue 22): from
/// the console, GraphQL's <c>setAgencyNotificationAddress</c> or the CLI's <c>notifications agency-address</c>. Each
/// address is checked as a reporter's is (<see cref="ContactCheck.NormalEmail"/>) and stored normalised.
/// </summary>
public sealed class AgencyAddresses(NpgsqlDataSource db)
{
    /// <summary>A change: for each address, null keeps it, "" clears it, anything else sets it.</summary>
    public sealed record Change(string? Email, string? EscalationEmail);

    public async Task<IReadOnlyList<AgencyAddress>> ListAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select id, name, notify_email, escalation_email from cases.agencies order by name, id");
        var rows = new List<AgencyAddress>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) rows.Add(Read(r));
        return rows;
    }

    /// <summary>The checked addresses (normalised), or the field that is wrong. Pure.</summary>
    public static DomainError? Problem(Change change, string emailField = "email", string escalationField = "escalationEmail")
    {
        if (change.Email is { Length: > 0 } e && ContactCheck.NormalEmail(e) is null)
            return DomainError.Validation(emailField, "This is not an e-mail address.");
        if (change.EscalationEmail is { Length: > 0 } x && ContactCheck.NormalEmail(x) is null)
            return DomainError.Validation(escalationField, "This is not an e-mail address.");
        return null;
    }

    /// <summary>Applies a checked change; the agency before and after, or null when there is no such agency.</summary>
    public async Task<(AgencyAddress Before, AgencyAddress After)?> SetAsync(string agencyId, Change change, CancellationToken ct)
    {
        if (Problem(change) is { } problem) throw new ArgumentException(problem.Message, (string)problem.Details!["field"]!);
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        AgencyAddress before;
        await using (var read = new NpgsqlCommand("select id, name, notify_email, escalation_email from cases.agencies where id = $1 for update", connection, tx))
        {
            read.Parameters.Add(new NpgsqlParameter { Value = agencyId });
            await using var r = await read.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            before = Read(r);
        }
        string? Next(string? given, string? current) => given is null ? current : given.Trim().Length == 0 ? null : ContactCheck.NormalEmail(given);
        var after = before with { Email = Next(change.Email, before.Email), EscalationEmail = Next(change.EscalationEmail, before.EscalationEmail) };
        await using (var write = new NpgsqlCommand("update cases.agencies set notify_email = $2, escalation_email = $3 where id = $1", connection, tx))
        {
            write.Parameters.Add(new NpgsqlParameter { Value = agencyId });
            write.Parameters.Add(new NpgsqlParameter { Value = (object?)after.Email ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            write.Parameters.Add(new NpgsqlParameter { Value = (object?)after.EscalationEmail ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await write.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return (before, after);
    }

    static AgencyAddress Read(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3));
}
