using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Cases.Notifications;

/// <summary>One browser following one case: the push service's endpoint and the browser's keys (RFC 8291).</summary>
public sealed record PushSubscriptionRow(Guid CaseId, string Endpoint, string P256dh, string Auth, NotificationLanguage Language, long FromVersion)
{
    /// <summary>The delivery records' recipient: the endpoint's hash, so the records name no browser's address.</summary>
    public string Recipient => RecipientOf(Endpoint);

    public static string RecipientOf(string endpoint) => "push:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint)))[..16];
}

/// <summary>cases.push_subscriptions (migration 0010): the browsers following a case, written by the citizen's mutation, read at send time.</summary>
public sealed class PushSubscriptions(NpgsqlDataSource db)
{
    /// <summary>A case is followed by a few browsers at most (a phone, a computer); more is someone filling the table.</summary>
    public const int MaxPerCase = 10;

    /// <summary>Stores (or renews the keys of) a browser's subscription. False when the case already has <see cref="MaxPerCase"/> others.</summary>
    public async Task<bool> SaveAsync(PushSubscriptionRow s, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            insert into cases.push_subscriptions (case_id, endpoint, p256dh, auth, language, from_version)
            select $1, $2, $3, $4, $5, $6
            where exists (select 1 from cases.push_subscriptions where case_id = $1 and endpoint = $2)
               or (select count(*) from cases.push_subscriptions where case_id = $1) < $7
            on conflict (case_id, endpoint) do update set p256dh = excluded.p256dh, auth = excluded.auth, language = excluded.language
            """);
        foreach (var v in new object[] { s.CaseId, s.Endpoint, s.P256dh, s.Auth, NotificationNames.Of(s.Language), s.FromVersion, MaxPerCase })
            cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    public async Task<IReadOnlyList<PushSubscriptionRow>> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            select endpoint, p256dh, auth, language, from_version from cases.push_subscriptions where case_id = $1 order by created_at
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = caseId });
        var rows = new List<PushSubscriptionRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new PushSubscriptionRow(caseId, r.GetString(0), r.GetString(1), r.GetString(2), NotificationNames.Language(r.GetString(3)), r.GetInt64(4)));
        return rows;
    }

    /// <summary>One browser stops (the citizen turned it off, or the push service said the subscription is gone).</summary>
    public async Task<bool> DeleteAsync(Guid caseId, string endpoint, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("delete from cases.push_subscriptions where case_id = $1 and endpoint = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = caseId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = endpoint });
        return await cmd.ExecuteNonQueryAsync(ct) > 0;
    }

    /// <summary>Every browser following the case stops (an unsubscribe link).</summary>
    public async Task DeleteCaseAsync(Guid caseId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("delete from cases.push_subscriptions where case_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = caseId });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
