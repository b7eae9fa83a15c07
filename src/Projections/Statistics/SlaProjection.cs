using Cases.EventStore;
using Cases.Projections.Daemon;
using Cases.Sla;
using Npgsql;
using static Cases.Domain.CaseEvent;

namespace Cases.Projections.Statistics;

/// <summary>
/// projections.sla_facts, projections.sla_monthly and projections.sla_rollup (DESIGN 5), the source of all
/// statistics. Per batch: load the current cycle's facts of every case the batch touches, fold the events in memory
/// (working-time durations need the calendar), write the changed rows, and add to sla_monthly and sla_rollup the
/// difference between the touched rows' contributions before and after. Rows that fall back to all zeros are
/// deleted, so the tables are the same whatever the batch boundaries were (a rebuild equals the live view).
/// </summary>
public sealed class SlaProjection(Func<WorkingCalendar> calendar) : IReadModel
{
    public SlaProjection(WorkingCalendar calendar) : this(() => calendar) { }

    readonly SlaFactSteps steps = new(calendar);

    public string Name => "sla";

    public IReadOnlyList<string> Tables { get; } = ["sla_facts", "sla_monthly", "sla_rollup"];

    /// <summary>sla_monthly's counts, in <see cref="MonthlyCounts"/>' column order.</summary>
    static readonly string[] MonthlyColumns = ["received", "resolved", "resolved_on_time", "resolved_late", "rejected", "rating_count",
        "rating_sum", "rating_1", "rating_2", "rating_3", "rating_4", "rating_5", "satisfied"];

    static DateOnly FirstDay(NodaTime.LocalDate month) => new(month.Year, month.Month, 1);

    /// <summary>
    /// Adds differences to a table of counts (one statement for all its rows), then deletes the rows of those keys
    /// that fell back to all zeros, so the table is the same whatever the batch boundaries were.
    /// </summary>
    static void AddCounts(ProjectionBatch batch, string table, string[] keys, string[] columns, List<(NpgsqlParameter[] Key, long[] Delta)> rows)
    {
        if (rows.Count == 0) return;
        var all = keys.Concat(columns).ToArray();
        batch.Write(new NpgsqlBatchCommand($"""
            insert into {table} as m ({string.Join(", ", all)})
            select * from unnest({Param.Placeholders(all.Length)})
            on conflict ({string.Join(", ", keys)}) do update set
                {string.Join(", ", columns.Select(c => $"{c} = m.{c} + excluded.{c}"))}
            """).With(Param.Columns(rows.Select(r => (NpgsqlParameter[])[.. r.Key, .. r.Delta.Select(d => Param.Long(d))]).ToList())));
        batch.Write(new NpgsqlBatchCommand($"""
            delete from {table}
            where ({string.Join(", ", keys)}) in (select * from unnest({Param.Placeholders(keys.Length)}))
              and {string.Join(" and ", columns.Select(c => $"{c} = 0"))}
            """).With(Param.Columns(rows.Select(r => r.Key).ToList())));
    }

    public async Task ApplyAsync(ProjectionBatch batch, CancellationToken ct)
    {
        var t = batch.Tables;
        var ids = batch.Events.Select(e => e.StreamId).Distinct().ToList();
        var original = new Dictionary<(Guid, int), SlaFactRow>();
        var current = new Dictionary<Guid, SlaFactRow>();
        await using (var load = batch.Command($"""
            select distinct on (case_id) {SlaFactRow.Columns} from {t["sla_facts"]}
            where case_id = any($1) order by case_id, cycle desc
            """).With(Param.UuidArray(ids)))
        await using (var r = await load.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var row = SlaFactRow.Read(r);
                original[(row.CaseId, row.Cycle)] = current[row.CaseId] = row;
            }

        var final = new Dictionary<(Guid, int), SlaFactRow>();
        batch.Fold(e =>
        {
            SlaFactRow next;
            if (e.Event is CaseReceived received) next = SlaFactSteps.Start(e, received);
            else if (current.TryGetValue(e.StreamId, out var row)) next = steps.Evolve(row, e);
            else throw new InvalidOperationException($"Case {e.StreamId} has no facts: its CaseReceived was never applied.");
            current[e.StreamId] = final[(next.CaseId, next.Cycle)] = next;
        });

        var counts = new MonthlyCounts();
        foreach (var (key, row) in final)
        {
            if (original.TryGetValue(key, out var before)) counts.Add(before, -1);
            counts.Add(row, +1);
        }

        if (final.Count > 0) batch.Write(SlaFactRow.Upsert(t, final.Values));
        var cells = counts.Cells.Where(c => c.Value.Take(MonthlyCounts.MonthlyWidth).Any(v => v != 0))
            .Select(c => ((NpgsqlParameter[])[Param.Text(c.Key.Agency), Param.Text(c.Key.Category), Param.Text(c.Key.Ward), Param.Text(c.Key.Channel),
                Param.Date(FirstDay(c.Key.Month))], c.Value[..MonthlyCounts.MonthlyWidth])).ToList();
        AddCounts(batch, t["sla_monthly"], ["agency", "category", "ward", "channel", "month"], MonthlyColumns, cells);
        var rollup = counts.Rollup().Where(c => c.Value.Any(v => v != 0))
            .Select(c => ((NpgsqlParameter[])[Param.Text(c.Key.Dimension), Param.Text(c.Key.Group), Param.Date(FirstDay(c.Key.Month))], c.Value)).ToList();
        AddCounts(batch, t["sla_rollup"], ["dimension", "grp", "month"], [.. MonthlyColumns, "opened", "closed", "overdue_from", "overdue_to"], rollup);
        // The monthly figures that moved, by month ("2026-03"): what statisticsChanged ticks for.
        foreach (var month in counts.Rollup().Where(c => c.Value.Any(v => v != 0)).Select(c => c.Key.Month).Distinct())
            batch.Announce($"{month.Year:D4}-{month.Month:D2}");
    }
}
