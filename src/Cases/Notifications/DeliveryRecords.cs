using Npgsql;

namespace Cases.Notifications;

/// <summary>
/// cases.notification_deliveries: one row per (case, event, recipient, channel). Claiming inserts the rows (or takes
/// back those a failed or held attempt left) and returns the events still to send, so a redelivered message finds
/// its events sent and sends nothing twice.
/// </summary>
public sealed class DeliveryRecords(NpgsqlDataSource db)
{
    public sealed record Key(Guid CaseId, string Recipient, NotificationChannel Channel);

    /// <summary>The events of <paramref name="versions"/> this attempt is to send: new, or left failed, held or mid-send by an earlier one.</summary>
    public async Task<IReadOnlyList<long>> ClaimAsync(Key key, IReadOnlyList<(long Version, string Kind)> items, Guid messageId, string? masked, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            insert into cases.notification_deliveries as d (case_id, event_version, recipient, channel, kind, status, message_id, address_masked)
            select $1, v, $3, $4, k, 'sending', $6, $7 from unnest($2::bigint[], $5::text[]) as t(v, k)
            on conflict (case_id, event_version, recipient, channel) do update
               set status = 'sending', message_id = excluded.message_id, attempts = d.attempts + 1, updated_at = now(),
                   address_masked = excluded.address_masked
             where d.status in ('sending', 'failed', 'held')
            returning event_version
            """);
        Add(cmd, key.CaseId, items.Select(i => i.Version).ToArray(), key.Recipient, NotificationNames.Of(key.Channel),
            items.Select(i => i.Kind).ToArray(), messageId, (object?)masked ?? DBNull.Value);
        var claimed = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) claimed.Add(reader.GetInt64(0));
        claimed.Sort();
        return claimed;
    }

    /// <summary>Records events that will not be sent on this channel, and why (no channel configured, switched off), unless already recorded.</summary>
    public async Task RecordUnsentAsync(Key key, IReadOnlyList<(long Version, string Kind)> items, string status, string detail, string? masked, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            insert into cases.notification_deliveries (case_id, event_version, recipient, channel, kind, status, message_id, detail, address_masked)
            select $1, v, $3, $4, k, $6, gen_random_uuid(), $7, $8 from unnest($2::bigint[], $5::text[]) as t(v, k)
            on conflict (case_id, event_version, recipient, channel) do update set status = excluded.status, detail = excluded.detail, updated_at = now()
             where cases.notification_deliveries.status = 'held'
            """);
        Add(cmd, key.CaseId, items.Select(i => i.Version).ToArray(), key.Recipient, NotificationNames.Of(key.Channel),
            items.Select(i => i.Kind).ToArray(), status, detail, (object?)masked ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Sets the outcome of the attempt <paramref name="messageId"/> on every row it claimed.</summary>
    public async Task FinishAsync(Guid messageId, string status, string? providerId, string? detail, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            update cases.notification_deliveries set status = $2, provider_id = coalesce($3, provider_id), detail = $4, updated_at = now()
            where message_id = $1
            """);
        Add(cmd, messageId, status, (object?)providerId ?? DBNull.Value, (object?)detail ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A provider's delivery report (SMS, Zalo): delivered or failed, by its message id. False when no delivery has that id.</summary>
    public async Task<bool> ReportAsync(NotificationChannel channel, string providerId, bool delivered, string? detail, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            update cases.notification_deliveries set status = $3, detail = coalesce($4, detail), updated_at = now()
            where channel = $1 and provider_id = $2 and status in ('sent', 'delivered', 'failed')
            """);
        Add(cmd, NotificationNames.Of(channel), providerId, delivered ? "delivered" : "failed", (object?)detail ?? DBNull.Value);
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    static void Add(NpgsqlCommand cmd, params object[] values)
    {
        foreach (var v in values) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
    }
}
