using Cases.EventStore;
using Npgsql;

namespace Cases.Projections.Daemon;

/// <summary>What a projection applies, and where: the batch's connection and transaction, and the live or shadow tables.</summary>
public sealed record ProjectionBatch(
    NpgsqlConnection Connection, NpgsqlTransaction Transaction, IReadOnlyList<StoredEvent> Events, ProjectionTables Tables)
{
    /// <summary>A command on the batch's connection and transaction.</summary>
    public NpgsqlCommand Command(string sql) => new(sql, Connection, Transaction);

    /// <summary>A batch of commands on the batch's connection and transaction: one round trip.</summary>
    public NpgsqlBatch NewBatch() => new(Connection, Transaction);
}
