using Npgsql;

namespace Cases.Access;

/// <summary>
/// The citizen holds a case by its tracking code and the secret returned once at submission. The hash is
/// written with the case's first event (see CaseCommands.SubmitAsync); here it is checked.
/// </summary>
public sealed class CitizenSecrets(NpgsqlDataSource db)
{
    public const string Prefix = "cs_";

    public static NpgsqlBatchCommand StoreCommand(Guid caseId, string secret)
    {
        var cmd = new NpgsqlBatchCommand("insert into cases.case_secrets (stream_id, secret_hash) values ($1, $2)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = caseId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Secrets.Hash(secret) });
        return cmd;
    }

    /// <summary>Whether <paramref name="secret"/> is the one issued for the case (compared in constant time).</summary>
    public async Task<bool> HoldsAsync(Guid caseId, string secret, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("select secret_hash from cases.case_secrets where stream_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = caseId });
        return await cmd.ExecuteScalarAsync(ct) is byte[] stored
            && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(stored, Secrets.Hash(secret));
    }
}
