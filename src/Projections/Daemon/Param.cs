using Cases.EventStore;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace Cases.Projections.Daemon;

/// <summary>
/// Typed positional parameters. Nulls carry their type so PostgreSQL never has to guess; instants travel as UTC
/// <see cref="DateTime"/>s because Npgsql.NodaTime is not in our package source.
/// </summary>
internal static class Param
{
    public static NpgsqlParameter Text(string? v) => Of(v, NpgsqlDbType.Text);
    public static NpgsqlParameter Time(Instant? v) => Of(v?.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
    public static NpgsqlParameter Bool(bool? v) => Of(v, NpgsqlDbType.Boolean);
    public static NpgsqlParameter Int(int? v) => Of(v, NpgsqlDbType.Integer);
    public static NpgsqlParameter Long(long? v) => Of(v, NpgsqlDbType.Bigint);
    public static NpgsqlParameter Double(double? v) => Of(v, NpgsqlDbType.Double);
    public static NpgsqlParameter Uuid(Guid? v) => Of(v, NpgsqlDbType.Uuid);
    public static NpgsqlParameter Date(DateOnly? v) => Of(v, NpgsqlDbType.Date);
    public static NpgsqlParameter TextArray(IEnumerable<string> v) => Of(v.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
    public static NpgsqlParameter UuidArray(IEnumerable<Guid> v) => Of(v.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Uuid);

    /// <summary>An xid8 goes as text (the SQL casts it with <c>::text::xid8</c>): Npgsql has no xid8 mapping.</summary>
    public static NpgsqlParameter TxId(LogPosition p) => Of(p.TxId.ToString(), NpgsqlDbType.Text);

    static NpgsqlParameter Of(object? v, NpgsqlDbType type) => new() { Value = v ?? DBNull.Value, NpgsqlDbType = type };

    public static NpgsqlCommand With(this NpgsqlCommand cmd, params NpgsqlParameter[] ps)
    {
        cmd.Parameters.AddRange(ps);
        return cmd;
    }

    public static NpgsqlBatchCommand With(this NpgsqlBatchCommand cmd, params NpgsqlParameter[] ps)
    {
        foreach (var p in ps) cmd.Parameters.Add(p);
        return cmd;
    }
}
