using Cases.Projections.Daemon;
using Npgsql;
using NodaTime;

namespace Cases.Projections.PublicCases;

/// <summary>A row of projections.public_timeline: one public step. Never the reporter's words, never an operator's id.</summary>
internal sealed record TimelineRow(
    Guid CaseId, long Version, string TrackingCode, Instant OccurredAt, string Step, string? Agency, string? PublicText, Instant? DueAt)
{
    // A plain insert: Marten commits it with the shard's progress, which moves only from where the batch began, so
    // each event is applied once; a second insert of the same (case_id, version) would be a bug we want to see,
    // not hide.
    public static NpgsqlBatchCommand Insert(ProjectionTables t, IEnumerable<TimelineRow> rows) => new NpgsqlBatchCommand($"""
        insert into {t["public_timeline"]} (case_id, version, tracking_code, occurred_at, step, agency, public_text, due_at)
        select * from unnest({Param.Placeholders(8)})
        """).With(Param.Columns(rows.Select(r => r.Parameters()).ToList()));

    public NpgsqlParameter[] Parameters() =>
    [
        Param.Uuid(CaseId), Param.Long(Version), Param.Text(TrackingCode), Param.Time(OccurredAt), Param.Text(Step),
        Param.Text(Agency), Param.Text(PublicText), Param.Time(DueAt),
    ];
}
