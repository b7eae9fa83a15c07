using Cases.EventStore;
using Cases.Projections.Daemon;
using Npgsql;
using static Cases.Domain.CaseEvent;

namespace Cases.Projections.PublicCases;

/// <summary>
/// projections.public_cases and projections.public_timeline (DESIGN 5): the transparency site's view. Per batch:
/// load the rows of the cases it touches (one query), fold the events in memory, write the changed rows and the
/// new steps (one statement per table). A confidential case never gets a row; a case reclassified as misconduct loses its
/// rows and stays private.
/// </summary>
public sealed class PublicCasesProjection : IReadModel
{
    public string Name => "public_cases";

    public IReadOnlyList<string> Tables { get; } = ["public_cases", "public_timeline"];

    public async Task ApplyAsync(ProjectionBatch batch, CancellationToken ct)
    {
        var t = batch.Tables;
        var ids = batch.Events.Select(e => e.StreamId)
            .Concat(batch.Events.Select(e => e.Event).OfType<DuplicateLinked>().Select(d => d.MasterId)).Distinct().ToList();
        var rows = new Dictionary<Guid, PublicCaseRow>();
        await using (var load = batch.Command($"select {PublicCaseRow.Columns} from {t["public_cases"]} where case_id = any($1)").With(Param.UuidArray(ids)))
        await using (var r = await load.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) rows[r.GetGuid(0)] = PublicCaseRow.Read(r);

        var changed = new HashSet<Guid>();
        var hidden = new HashSet<Guid>();
        var steps = new List<TimelineRow>();
        batch.Fold(e =>
        {
            if (e.Event is CaseReceived received)
            {
                if (PublicCaseSteps.Start(e, received) is { } started) rows[e.StreamId] = started;
            }
            else if (!rows.TryGetValue(e.StreamId, out var row)) return; // not public: confidential (or hidden earlier)
            else if (e.Event is CaseClassified c && PublicCaseSteps.IsConfidential(false, c.Category))
            {
                rows.Remove(e.StreamId);
                hidden.Add(e.StreamId);
                return;
            }
            else rows[e.StreamId] = PublicCaseSteps.Evolve(row, e, id => rows.TryGetValue(id, out var m) ? m.TrackingCode : null);

            if (!rows.TryGetValue(e.StreamId, out var now)) return;
            changed.Add(e.StreamId);
            if (PublicCaseSteps.StepOf(e, now.TrackingCode) is { } step) steps.Add(step);
        });

        foreach (var id in hidden)
        {
            batch.Write(new NpgsqlBatchCommand($"delete from {t["public_cases"]} where case_id = $1").With(Param.Uuid(id)));
            batch.Write(new NpgsqlBatchCommand($"delete from {t["public_timeline"]} where case_id = $1").With(Param.Uuid(id)));
        }
        var upserts = changed.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
        if (upserts.Count > 0) batch.Write(PublicCaseRow.Upsert(t, upserts));
        foreach (var row in upserts) batch.Announce(row.TrackingCode);
        var inserts = steps.Where(s => rows.ContainsKey(s.CaseId)).ToList();
        if (inserts.Count > 0) batch.Write(TimelineRow.Insert(t, inserts));
    }
}
