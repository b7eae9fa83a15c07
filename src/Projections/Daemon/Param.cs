using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace Cases.Projections.Daemon;

/// <summary>
/// Typed positional parameters. Nulls carry their type so PostgreSQL never has to guess; instants travel as UTC
/// <see cref="DateTime"/>s because the data source is built without the NodaTime plugin.
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

    /// <summary>
    /// Rows of parameters (each row's <c>Parameters()</c>, same types in the same order) as one array parameter
    /// per column, for <c>select * from unnest($1, $2, ...)</c>: a whole batch of rows in one statement, parsed
    /// once, instead of a statement per row. A column that is itself an array goes as jsonb (PostgreSQL has no
    /// arrays of arrays); its SQL turns it back with <see cref="JsonbToTextArray"/>.
    /// </summary>
    public static NpgsqlParameter[] Columns(IReadOnlyList<NpgsqlParameter[]> rows)
    {
        if (rows.Count == 0) throw new ArgumentException("No rows.", nameof(rows));
        var columns = new NpgsqlParameter[rows[0].Length];
        for (var c = 0; c < columns.Length; c++)
        {
            var type = rows[0][c].NpgsqlDbType;
            var nested = type.HasFlag(NpgsqlDbType.Array);
            Array values = nested ? new string[rows.Count] : type switch
            {
                NpgsqlDbType.Text => new string?[rows.Count],
                NpgsqlDbType.TimestampTz => new DateTime?[rows.Count],
                NpgsqlDbType.Boolean => new bool?[rows.Count],
                NpgsqlDbType.Integer => new int?[rows.Count],
                NpgsqlDbType.Bigint => new long?[rows.Count],
                NpgsqlDbType.Double => new double?[rows.Count],
                NpgsqlDbType.Uuid => new Guid?[rows.Count],
                NpgsqlDbType.Date => new DateOnly?[rows.Count],
                _ => throw new NotSupportedException($"No column array for {type}."),
            };
            for (var r = 0; r < rows.Count; r++)
            {
                var v = rows[r][c].Value is DBNull ? null : rows[r][c].Value;
                values.SetValue(nested ? System.Text.Json.JsonSerializer.Serialize(v) : v, r);
            }
            columns[c] = Of(values, NpgsqlDbType.Array | (nested ? NpgsqlDbType.Jsonb : type));
        }
        return columns;
    }

    /// <summary>The SQL that turns a jsonb array column of <see cref="Columns"/> back into text[].</summary>
    public static string JsonbToTextArray(string column) => $"array(select jsonb_array_elements_text({column}))";

    /// <summary><c>$1, $2, ..., $n</c>.</summary>
    public static string Placeholders(int count) => string.Join(", ", Enumerable.Range(1, count).Select(i => "$" + i));

    public static NpgsqlParameter Of(object? v, NpgsqlDbType type) => new() { Value = v ?? DBNull.Value, NpgsqlDbType = type };

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
