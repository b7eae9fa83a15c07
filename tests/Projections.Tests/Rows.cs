using Cases.Testing;
using Npgsql;

namespace Cases.Projections.Tests;

/// <summary>Reads rows as column-name dictionaries, for assertions on read-model tables.</summary>
static class Rows
{
    public static async Task<List<Dictionary<string, object?>>> ReadAsync(TestDatabase db, string sql, params object[] args)
    {
        await using var cmd = db.DataSource.CreateCommand(sql);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await r.ReadAsync())
            rows.Add(Enumerable.Range(0, r.FieldCount).ToDictionary(r.GetName, i => r.IsDBNull(i) ? null : r.GetValue(i)));
        return rows;
    }

    public static async Task<Dictionary<string, object?>?> OneAsync(TestDatabase db, string sql, params object[] args) =>
        (await ReadAsync(db, sql, args)).SingleOrDefault();

    /// <summary>Every row of a table as text, in a fixed order: what "equals a rebuild, row for row" compares.</summary>
    public static async Task<List<string>> TableAsync(TestDatabase db, string table)
    {
        await using var cmd = db.DataSource.CreateCommand($"select t::text from projections.{table} t order by t::text");
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await r.ReadAsync()) rows.Add(r.GetString(0));
        return rows;
    }

    public static readonly string[] ReadModelTables = ["public_cases", "public_timeline", "sla_facts", "sla_monthly", "sla_rollup", "agency_queues"];

    public static async Task<Dictionary<string, List<string>>> AllReadModelsAsync(TestDatabase db)
    {
        var all = new Dictionary<string, List<string>>();
        foreach (var t in ReadModelTables) all[t] = await TableAsync(db, t);
        return all;
    }
}
