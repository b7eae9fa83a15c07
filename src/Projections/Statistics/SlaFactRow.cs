using Cases.Projections.Daemon;
using Npgsql;
using NodaTime;

namespace Cases.Projections.Statistics;

/// <summary>A row of projections.sla_facts: one case and cycle, every clock's start, pause, due, stop and result.</summary>
internal sealed record SlaFactRow
{
    public required Guid CaseId { get; init; }
    public int Cycle { get; init; } = 1;
    public required string TrackingCode { get; init; }
    public required string Kind { get; init; }
    public required string Category { get; init; }
    public required string Ward { get; init; }
    public required string Channel { get; init; }
    public required string Priority { get; init; }
    public bool Confidential { get; init; }
    public string? LeadAgency { get; init; }
    public string Status { get; init; } = "open";
    public required Instant ReceivedAt { get; init; }
    public required Instant CycleStartedAt { get; init; }
    public Instant? VerifyDueAt { get; init; }
    public Instant? VerifiedAt { get; init; }
    public Instant? RejectedAt { get; init; }
    public Instant? AssignedAt { get; init; }
    public Instant? ResolveStartedAt { get; init; }
    public Instant? DueAt { get; init; }
    public Instant? ExtendedDueAt { get; init; }
    public Instant? ApologyDueAt { get; init; }
    public Instant? PausedAt { get; init; }
    public int Pauses { get; init; }
    public long PausedSeconds { get; init; }
    public long PausedWorkingSeconds { get; init; }
    public Instant? ResolvedAt { get; init; }
    public bool? Late { get; init; }
    public Instant? EndedAt { get; init; }
    public Instant? RatedAt { get; init; }
    public int? Rating { get; init; }
    public bool? Satisfied { get; init; }
    public long? VerifyWorkingSeconds { get; init; }
    public long? AssignWorkingSeconds { get; init; }
    public long? ResolveWorkingSeconds { get; init; }
    public long Version { get; init; }

    /// <summary>The verification due time was computed over a day its calendar had no holiday data for.</summary>
    public bool VerifyDueAssumed { get; init; }

    /// <summary>The main clock's due time was computed over a day its calendar had no holiday data for.</summary>
    public bool DueAssumed { get; init; }

    public const string Columns = """
        case_id, cycle, tracking_code, kind, category, ward, channel, priority, confidential, lead_agency, status,
        received_at, cycle_started_at, verify_due_at, verified_at, rejected_at, assigned_at, resolve_started_at, due_at,
        extended_due_at, apology_due_at, paused_at, pauses, paused_seconds, paused_working_seconds, resolved_at, late,
        ended_at, rated_at, rating, satisfied, verify_working_seconds, assign_working_seconds, resolve_working_seconds, version,
        verify_due_assumed, due_assumed
        """;

    /// <summary>Every row of a batch in one statement (each case and cycle at most once).</summary>
    public static NpgsqlBatchCommand Upsert(ProjectionTables t, IEnumerable<SlaFactRow> rows) =>
        new NpgsqlBatchCommand(Upsert(t)).With(Param.Columns(rows.Select(r => r.Parameters()).ToList()));

    static string Upsert(ProjectionTables t) => $"""
        insert into {t["sla_facts"]} ({Columns})
        select * from unnest({Param.Placeholders(37)})
        on conflict (case_id, cycle) do update set
            tracking_code = excluded.tracking_code, kind = excluded.kind, category = excluded.category, ward = excluded.ward,
            channel = excluded.channel, priority = excluded.priority, confidential = excluded.confidential,
            lead_agency = excluded.lead_agency, status = excluded.status, received_at = excluded.received_at,
            cycle_started_at = excluded.cycle_started_at, verify_due_at = excluded.verify_due_at, verified_at = excluded.verified_at,
            rejected_at = excluded.rejected_at, assigned_at = excluded.assigned_at, resolve_started_at = excluded.resolve_started_at,
            due_at = excluded.due_at, extended_due_at = excluded.extended_due_at, apology_due_at = excluded.apology_due_at,
            paused_at = excluded.paused_at, pauses = excluded.pauses, paused_seconds = excluded.paused_seconds,
            paused_working_seconds = excluded.paused_working_seconds, resolved_at = excluded.resolved_at, late = excluded.late,
            ended_at = excluded.ended_at, rated_at = excluded.rated_at, rating = excluded.rating, satisfied = excluded.satisfied,
            verify_working_seconds = excluded.verify_working_seconds, assign_working_seconds = excluded.assign_working_seconds,
            resolve_working_seconds = excluded.resolve_working_seconds, version = excluded.version,
            verify_due_assumed = excluded.verify_due_assumed, due_assumed = excluded.due_assumed
        """;

    public NpgsqlParameter[] Parameters() =>
    [
        Param.Uuid(CaseId), Param.Int(Cycle), Param.Text(TrackingCode), Param.Text(Kind), Param.Text(Category), Param.Text(Ward),
        Param.Text(Channel), Param.Text(Priority), Param.Bool(Confidential), Param.Text(LeadAgency), Param.Text(Status),
        Param.Time(ReceivedAt), Param.Time(CycleStartedAt), Param.Time(VerifyDueAt), Param.Time(VerifiedAt), Param.Time(RejectedAt),
        Param.Time(AssignedAt), Param.Time(ResolveStartedAt), Param.Time(DueAt), Param.Time(ExtendedDueAt), Param.Time(ApologyDueAt),
        Param.Time(PausedAt), Param.Int(Pauses), Param.Long(PausedSeconds), Param.Long(PausedWorkingSeconds), Param.Time(ResolvedAt),
        Param.Bool(Late), Param.Time(EndedAt), Param.Time(RatedAt), Param.Int(Rating), Param.Bool(Satisfied),
        Param.Long(VerifyWorkingSeconds), Param.Long(AssignWorkingSeconds), Param.Long(ResolveWorkingSeconds), Param.Long(Version),
        Param.Bool(VerifyDueAssumed), Param.Bool(DueAssumed),
    ];

    public static SlaFactRow Read(NpgsqlDataReader r) => new()
    {
        CaseId = r.GetGuid(0), Cycle = r.GetInt32(1), TrackingCode = r.GetString(2), Kind = r.GetString(3), Category = r.GetString(4),
        Ward = r.GetString(5), Channel = r.GetString(6), Priority = r.GetString(7), Confidential = r.GetBoolean(8),
        LeadAgency = r.TextOrNull(9), Status = r.GetString(10), ReceivedAt = r.Time(11), CycleStartedAt = r.Time(12),
        VerifyDueAt = r.TimeOrNull(13), VerifiedAt = r.TimeOrNull(14), RejectedAt = r.TimeOrNull(15), AssignedAt = r.TimeOrNull(16),
        ResolveStartedAt = r.TimeOrNull(17), DueAt = r.TimeOrNull(18), ExtendedDueAt = r.TimeOrNull(19), ApologyDueAt = r.TimeOrNull(20),
        PausedAt = r.TimeOrNull(21), Pauses = r.GetInt32(22), PausedSeconds = r.GetInt64(23), PausedWorkingSeconds = r.GetInt64(24),
        ResolvedAt = r.TimeOrNull(25), Late = r.BoolOrNull(26), EndedAt = r.TimeOrNull(27), RatedAt = r.TimeOrNull(28),
        Rating = r.IntOrNull(29), Satisfied = r.BoolOrNull(30), VerifyWorkingSeconds = r.LongOrNull(31),
        AssignWorkingSeconds = r.LongOrNull(32), ResolveWorkingSeconds = r.LongOrNull(33), Version = r.GetInt64(34),
        VerifyDueAssumed = r.GetBoolean(35), DueAssumed = r.GetBoolean(36),
    };
}
