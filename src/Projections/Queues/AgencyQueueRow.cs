using Cases.Projections.Daemon;
using Npgsql;
using NodaTime;

namespace Cases.Projections.Queues;

/// <summary>A row of projections.agency_queues: one case; <c>Open</c> while it sits in its lead agency's work list.</summary>
internal sealed record AgencyQueueRow
{
    public required Guid CaseId { get; init; }
    public required string TrackingCode { get; init; }
    public required string Kind { get; init; }
    public required string Category { get; init; }
    public required string Priority { get; init; }
    public required string Ward { get; init; }
    public bool Confidential { get; init; }
    public string? Agency { get; init; }
    public IReadOnlyList<string> SupportingAgencies { get; init; } = [];
    public required string Status { get; init; }
    public bool Open { get; init; }
    public Instant? AssignedAt { get; init; }
    public Instant? AcceptDueAt { get; init; }
    public bool Accepted { get; init; }
    public Instant? ClockStartedAt { get; init; }
    public Instant? DueAt { get; init; }
    public Instant? ExtendedDueAt { get; init; }
    public bool WaitingForCitizen { get; init; }
    public long Version { get; init; }
    public Instant? ReceivedAt { get; init; }

    /// <summary>When verification is due (a field report's verification clock); the order of the inbox's "to verify".</summary>
    public Instant? VerifyDueAt { get; init; }

    /// <summary>While waiting for the citizen: the status the case returns to when answered.</summary>
    public string? ResumeStatus { get; init; }

    /// <summary>Where the case came in (app, web, hotline, ...): an inbox filter.</summary>
    public string? Channel { get; init; }

    /// <summary>Why the case is back in front of someone: reopened, returned or answered (null otherwise), with the reason
    /// given and when; cleared when the case is resolved again.</summary>
    public string? Flag { get; init; }
    public string? FlagReason { get; init; }
    public Instant? FlagAt { get; init; }

    /// <summary>When the current resolution came in: the order of the inbox's "to review".</summary>
    public Instant? ResolvedAt { get; init; }

    /// <summary>
    /// What staff search and compare reports by (migration 0014), from the case's first event: its description with
    /// the contacts masked (<see cref="Cases.Domain.ContactRedaction.MaskContacts"/>: no read model holds a way to
    /// reach the reporter) and its exact place. Written when the row is made and never after (they never change), so
    /// neither loaded nor updated per batch.
    /// </summary>
    public string? SearchText { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    /// <summary>The due time lateness is judged by (an extension replaces the original, DESIGN 2.2).</summary>
    public Instant? EffectiveDueAt => ExtendedDueAt ?? DueAt;

    /// <summary>
    /// When the case becomes "due soon": once less than 20 % of the time it was given is left. A fixed share of
    /// elapsed time rather than "8 working hours" so the backlog query is a plain comparison with no calendar.
    /// </summary>
    public Instant? DueSoonAt => EffectiveDueAt is { } due && ClockStartedAt is { } start && due > start
        ? due - (due - start) * 0.2 : EffectiveDueAt;

    public const string Columns = """
        case_id, tracking_code, kind, category, priority, ward, confidential, agency, supporting_agencies, status, open,
        assigned_at, accept_due_at, accepted, clock_started_at, due_at, extended_due_at, effective_due_at, due_soon_at,
        waiting_for_citizen, version, received_at, verify_due_at, resume_status, channel, flag, flag_reason, flag_at, resolved_at
        """;

    /// <summary>Every row of a batch in one statement (each case at most once).</summary>
    public static NpgsqlBatchCommand Upsert(ProjectionTables t, IEnumerable<AgencyQueueRow> rows) =>
        new NpgsqlBatchCommand(Upsert(t)).With(Param.Columns(rows.Select(r => r.Parameters()).ToList()));

    // Column 9 (supporting agencies) is an array: it travels as jsonb, see Param.Columns. The last three (what the
    // citizen sent) are inserted only: a row that exists already has them.
    static string Upsert(ProjectionTables t) => $"""
        insert into {t["agency_queues"]} ({Columns}, search_text, latitude, longitude)
        select c1, c2, c3, c4, c5, c6, c7, c8, {Param.JsonbToTextArray("c9")}, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22, c23, c24, c25, c26, c27, c28, c29,
               c30, c31, c32
        from unnest({Param.Placeholders(32)}) as u(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22, c23, c24, c25, c26, c27, c28, c29, c30, c31, c32)
        on conflict (case_id) do update set
            tracking_code = excluded.tracking_code, kind = excluded.kind, category = excluded.category,
            priority = excluded.priority, ward = excluded.ward, confidential = excluded.confidential, agency = excluded.agency,
            supporting_agencies = excluded.supporting_agencies, status = excluded.status, open = excluded.open,
            assigned_at = excluded.assigned_at, accept_due_at = excluded.accept_due_at, accepted = excluded.accepted,
            clock_started_at = excluded.clock_started_at, due_at = excluded.due_at, extended_due_at = excluded.extended_due_at,
            effective_due_at = excluded.effective_due_at, due_soon_at = excluded.due_soon_at,
            waiting_for_citizen = excluded.waiting_for_citizen, version = excluded.version,
            received_at = excluded.received_at, verify_due_at = excluded.verify_due_at, resume_status = excluded.resume_status,
            channel = excluded.channel, flag = excluded.flag, flag_reason = excluded.flag_reason, flag_at = excluded.flag_at,
            resolved_at = excluded.resolved_at
        """;

    public NpgsqlParameter[] Parameters() =>
    [
        Param.Uuid(CaseId), Param.Text(TrackingCode), Param.Text(Kind), Param.Text(Category), Param.Text(Priority), Param.Text(Ward),
        Param.Bool(Confidential), Param.Text(Agency), Param.TextArray(SupportingAgencies), Param.Text(Status), Param.Bool(Open),
        Param.Time(AssignedAt), Param.Time(AcceptDueAt), Param.Bool(Accepted), Param.Time(ClockStartedAt), Param.Time(DueAt),
        Param.Time(ExtendedDueAt), Param.Time(EffectiveDueAt), Param.Time(DueSoonAt), Param.Bool(WaitingForCitizen), Param.Long(Version),
        Param.Time(ReceivedAt), Param.Time(VerifyDueAt), Param.Text(ResumeStatus), Param.Text(Channel), Param.Text(Flag),
        Param.Text(FlagReason), Param.Time(FlagAt), Param.Time(ResolvedAt),
        Param.Text(SearchText), Param.Of(Latitude, NpgsqlTypes.NpgsqlDbType.Double), Param.Of(Longitude, NpgsqlTypes.NpgsqlDbType.Double),
    ];

    public static AgencyQueueRow Read(NpgsqlDataReader r) => new()
    {
        CaseId = r.GetGuid(0), TrackingCode = r.GetString(1), Kind = r.GetString(2), Category = r.GetString(3), Priority = r.GetString(4),
        Ward = r.GetString(5), Confidential = r.GetBoolean(6), Agency = r.TextOrNull(7), SupportingAgencies = r.GetFieldValue<string[]>(8),
        Status = r.GetString(9), Open = r.GetBoolean(10), AssignedAt = r.TimeOrNull(11), AcceptDueAt = r.TimeOrNull(12),
        Accepted = r.GetBoolean(13), ClockStartedAt = r.TimeOrNull(14), DueAt = r.TimeOrNull(15), ExtendedDueAt = r.TimeOrNull(16),
        WaitingForCitizen = r.GetBoolean(19), Version = r.GetInt64(20), ReceivedAt = r.TimeOrNull(21), VerifyDueAt = r.TimeOrNull(22),
        ResumeStatus = r.TextOrNull(23), Channel = r.TextOrNull(24), Flag = r.TextOrNull(25), FlagReason = r.TextOrNull(26),
        FlagAt = r.TimeOrNull(27), ResolvedAt = r.TimeOrNull(28),
    };
}
