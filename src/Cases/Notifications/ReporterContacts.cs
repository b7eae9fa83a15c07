using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Cases.Notifications;

/// <summary>A reporter's contact and consent as read at send time, with what switched channels off.</summary>
public sealed record ReporterReach(
    string? Email, string? Phone, IReadOnlyList<NotificationChannel> Channels, NotificationLanguage Language,
    IReadOnlyDictionary<string, string> Off, bool EmailOptedOut, bool PhoneOptedOut)
{
    public string? Address(NotificationChannel c) => c switch
    {
        NotificationChannel.Email => Email is { } e ? ContactCheck.NormalEmail(e) ?? e : null,
        NotificationChannel.Sms or NotificationChannel.Zalo => Phone is { } p ? ContactCheck.NormalPhone(p) ?? p : null,
        _ => null,
    };

    /// <summary>Why nothing goes on this channel (unsubscribed, bounced, opted out of everything), or null.</summary>
    public string? Stopped(NotificationChannel c) =>
        Off.TryGetValue(NotificationNames.Of(c), out var why) ? why
        : c == NotificationChannel.Email && EmailOptedOut ? "unsubscribed from everything"
        : c is NotificationChannel.Sms or NotificationChannel.Zalo && PhoneOptedOut ? "unsubscribed from everything" : null;
}

/// <summary>cases.reporters and cases.reporter_consents, read and switched off by the notifications. The only place they read contacts.</summary>
public sealed class ReporterContacts(NpgsqlDataSource db)
{
    public static byte[] AddressHash(string address) => SHA256.HashData(Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant()));

    public async Task<ReporterReach?> ReadAsync(Guid reporterRef, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select r.email, r.phone, c.channels, c.language, c.off::text
            from cases.reporters r join cases.reporter_consents c on c.reporter_ref = r.ref where r.ref = $1
            """);
        cmd.Parameters.Add(new() { Value = reporterRef });
        string? email, phone; string[] channels; string language, off;
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) return null;
            email = reader.IsDBNull(0) ? null : reader.GetString(0);
            phone = reader.IsDBNull(1) ? null : reader.GetString(1);
            channels = reader.GetFieldValue<string[]>(2);
            language = reader.GetString(3);
            off = reader.GetString(4);
        }
        var reach = new ReporterReach(email, phone, [.. channels.Select(NotificationNames.Channel).OfType<NotificationChannel>()],
            NotificationNames.Language(language), JsonSerializer.Deserialize<Dictionary<string, string>>(off) ?? [], false, false);
        var emailHash = reach.Address(NotificationChannel.Email) is { } e2 ? AddressHash(e2) : [];
        var phoneHash = reach.Address(NotificationChannel.Sms) is { } p2 ? AddressHash(p2) : [];
        await using var opt = db.CreateCommand("select address_hash from cases.notification_optouts where address_hash = any($1)");
        opt.Parameters.Add(new() { Value = new[] { emailHash, phoneHash } });
        var (emailOut, phoneOut) = (false, false);
        await using (var reader = await opt.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var h = (byte[])reader[0];
                emailOut |= h.AsSpan().SequenceEqual(emailHash);
                phoneOut |= h.AsSpan().SequenceEqual(phoneHash);
            }
        return reach with { EmailOptedOut = emailOut, PhoneOptedOut = phoneOut };
    }

    /// <summary>Switches a channel off for one reporter, with the reason staff will see (a bounce, an unsubscribe).</summary>
    public async Task SwitchOffAsync(Guid reporterRef, IEnumerable<NotificationChannel> channels, string reason, CancellationToken ct)
    {
        var patch = JsonSerializer.Serialize(channels.ToDictionary(NotificationNames.Of, _ => reason));
        await using var cmd = db.CreateCommand("update cases.reporter_consents set off = off || $2::jsonb where reporter_ref = $1");
        cmd.Parameters.Add(new() { Value = reporterRef });
        cmd.Parameters.Add(new() { Value = patch });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>"Everything": the address's hash is kept, so later cases from the same address are not told either.</summary>
    public async Task OptOutAsync(IEnumerable<string> addresses, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("insert into cases.notification_optouts (address_hash) select unnest($1::bytea[]) on conflict do nothing");
        cmd.Parameters.Add(new() { Value = addresses.Select(AddressHash).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The secret the receipt's link carries, if it is still held (see the migration).</summary>
    public async Task<string?> ReceiptSecretAsync(Guid caseId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select secret from cases.receipt_links where case_id = $1");
        cmd.Parameters.Add(new() { Value = caseId });
        return (string?)await cmd.ExecuteScalarAsync(ct);
    }

    public async Task ForgetReceiptSecretAsync(Guid caseId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("delete from cases.receipt_links where case_id = $1");
        cmd.Parameters.Add(new() { Value = caseId });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
