using Cases.EventStore;
using Cases.Projections.Daemon;
using Cases.Sla;
using Npgsql;
using static Cases.Domain.CaseEvent;

namespace Cases.Projections.Statistics;

/// <summary>
/// projections.sla_facts and projections.sla_monthly (DESIGN 5), the source of all statistics. Per batch: load
/// the current cycle's facts of every case the batch touches, fold the events in memory (working-time durations
/// need the calendar), write the changed rows, and add to sla_monthly the difference between the touched rows'
/// contributions before and after. Cells that fall back to all zeros are deleted, so the table is the same
/// whatever the batch boundaries were (a rebuild equals the live view).
/// </summary>
public sealed class SlaProjection(WorkingCalendar calendar) : IProjection
{
    readonly SlaFactSteps steps = new(calendar);

    public string Name => "sla";

    public IReadOnlyList<string> Tables { get; } = ["sla_facts", "sla_monthly"];

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
        foreach (var e in batch.Events)
        {
            SlaFactRow next;
            if (e.Event is CaseReceived received) next = SlaFactSteps.Start(e, received);
            else if (current.TryGetValue(e.StreamId, out var row)) next = steps.Evolve(row, e);
            else throw new InvalidOperationException($"Case {e.StreamId} has no facts: its CaseReceived was never applied.");
            current[e.StreamId] = final[(next.CaseId, next.Cycle)] = next;
        }

        var counts = new MonthlyCounts();
        foreach (var (key, row) in final)
        {
            if (original.TryGetValue(key, out var before)) counts.Add(before, -1);
            counts.Add(row, +1);
        }

        await using var write = batch.NewBatch();
        if (final.Count > 0) write.BatchCommands.Add(SlaFactRow.Upsert(t, final.Values));
        var cells = counts.Cells.Where(c => c.Value.Any(v => v != 0)).ToList();
        if (cells.Count > 0)
            write.BatchCommands.Add(new NpgsqlBatchCommand($"""
                insert into {t["sla_monthly"]} as m (agency, category, ward, channel, month, received, resolved, resolved_on_time,
                    resolved_late, rejected, rating_count, rating_sum, rating_1, rating_2, rating_3, rating_4, rating_5, satisfied)
                select * from unnest({Param.Placeholders(18)})
                on conflict (agency, category, ward, channel, month) do update set
                    received = m.received + excluded.received, resolved = m.resolved + excluded.resolved,
                    resolved_on_time = m.resolved_on_time + excluded.resolved_on_time, resolved_late = m.resolved_late + excluded.resolved_late,
                    rejected = m.rejected + excluded.rejected, rating_count = m.rating_count + excluded.rating_count,
                    rating_sum = m.rating_sum + excluded.rating_sum, rating_1 = m.rating_1 + excluded.rating_1,
                    rating_2 = m.rating_2 + excluded.rating_2, rating_3 = m.rating_3 + excluded.rating_3,
                    rating_4 = m.rating_4 + excluded.rating_4, rating_5 = m.rating_5 + excluded.rating_5,
                    satisfied = m.satisfied + excluded.satisfied
                """).With(Param.Columns(cells.Select(c => (NpgsqlParameter[])[Param.Text(c.Key.Agency), Param.Text(c.Key.Category),
                    Param.Text(c.Key.Ward), Param.Text(c.Key.Channel), Param.Date(new DateOnly(c.Key.Month.Year, c.Key.Month.Month, 1)),
                    .. c.Value.Select(d => Param.Long(d))]).ToList())));
        if (cells.Count > 0)
            write.BatchCommands.Add(new NpgsqlBatchCommand($"""
                delete from {t["sla_monthly"]}
                where (agency, category, ward, channel, month) in (select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[]))
                  and received = 0 and resolved = 0 and resolved_on_time = 0 and resolved_late = 0 and rejected = 0
                  and rating_count = 0 and rating_sum = 0 and satisfied = 0
                """).With(Param.TextArray(cells.Select(c => c.Key.Agency)), Param.TextArray(cells.Select(c => c.Key.Category)),
                    Param.TextArray(cells.Select(c => c.Key.Ward)), Param.TextArray(cells.Select(c => c.Key.Channel)),
                    new NpgsqlParameter { Value = cells.Select(c => new DateOnly(c.Key.Month.Year, c.Key.Month.Month, 1)).ToArray(),
                        NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Date }));
        if (write.BatchCommands.Count > 0) await write.ExecuteNonQueryAsync(ct);
    }
}
