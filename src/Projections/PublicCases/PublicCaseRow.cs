using Cases.Projections.Daemon;
using Npgsql;
using NodaTime;

namespace Cases.Projections.PublicCases;

/// <summary>A row of projections.public_cases: what the public may know of a case, and nothing about its reporter.</summary>
internal sealed record PublicCaseRow
{
    public required Guid CaseId { get; init; }
    public required string TrackingCode { get; init; }
    public required string Kind { get; init; }
    public required string Category { get; init; }
    public required string Ward { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public required string Channel { get; init; }
    public required string PublicStatus { get; init; }
    public string? ResumeStatus { get; init; }
    public string? LeadAgency { get; init; }
    public string? DuplicateOf { get; init; }
    public int Cycle { get; init; } = 1;
    public required Instant ReceivedAt { get; init; }
    public Instant? VerifyDueAt { get; init; }
    public Instant? DueAt { get; init; }
    public Instant? ExtendedDueAt { get; init; }
    public Instant? ResolvedAt { get; init; }
    public bool? OnTime { get; init; }
    public string? PublicAnswer { get; init; }
    public int? Rating { get; init; }
    public bool ApologyIssued { get; init; }
    public Instant? ApologyDueAt { get; init; }
    public string? ApologyText { get; init; }
    /// <summary>The report as the center published it at verification (never the citizen's raw description).</summary>
    public string? PublicSummary { get; init; }
    /// <summary>The citizen's photos, public once the report is verified.</summary>
    public IReadOnlyList<string> Photos { get; init; } = [];
    /// <summary>The agency's photos of the result, public with its answer.</summary>
    public IReadOnlyList<string> AfterPhotos { get; init; } = [];
    /// <summary>The agency's photos of the work under way (progress notes), public like the after photos.</summary>
    public IReadOnlyList<string> ProgressPhotos { get; init; } = [];
    /// <summary>Photos waiting for verification: kept in the row so a verification can publish them, never read by the API.</summary>
    public IReadOnlyList<string> PendingPhotos { get; init; } = [];
    public long Version { get; init; }
    public required Instant UpdatedAt { get; init; }

    public const string Columns = """
        case_id, tracking_code, kind, category, ward, latitude, longitude, channel, public_status, resume_status,
        lead_agency, duplicate_of, cycle, received_at, verify_due_at, due_at, extended_due_at, resolved_at, on_time,
        public_answer, rating, apology_issued, apology_due_at, apology_text, version, updated_at,
        public_summary, photos, after_photos, pending_photos, progress_photos
        """;

    /// <summary>Every row of a batch in one statement (each case at most once: ON CONFLICT cannot touch a row twice).</summary>
    public static NpgsqlBatchCommand Upsert(ProjectionTables t, IEnumerable<PublicCaseRow> rows) =>
        new NpgsqlBatchCommand(Upsert(t)).With(Param.Columns(rows.Select(r => r.Parameters()).ToList()));

    // Columns 28 to 31 (the photo lists) are arrays: they travel as jsonb, see Param.Columns.
    static string Upsert(ProjectionTables t) => $"""
        insert into {t["public_cases"]} ({Columns})
        select c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22, c23, c24,
            c25, c26, c27, {Param.JsonbToTextArray("c28")}, {Param.JsonbToTextArray("c29")}, {Param.JsonbToTextArray("c30")}, {Param.JsonbToTextArray("c31")}
        from unnest({Param.Placeholders(31)}) as u(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16,
            c17, c18, c19, c20, c21, c22, c23, c24, c25, c26, c27, c28, c29, c30, c31)
        on conflict (case_id) do update set
            tracking_code = excluded.tracking_code, kind = excluded.kind, category = excluded.category, ward = excluded.ward,
            latitude = excluded.latitude, longitude = excluded.longitude, channel = excluded.channel,
            public_status = excluded.public_status, resume_status = excluded.resume_status, lead_agency = excluded.lead_agency,
            duplicate_of = excluded.duplicate_of, cycle = excluded.cycle, received_at = excluded.received_at,
            verify_due_at = excluded.verify_due_at, due_at = excluded.due_at, extended_due_at = excluded.extended_due_at,
            resolved_at = excluded.resolved_at, on_time = excluded.on_time, public_answer = excluded.public_answer,
            rating = excluded.rating, apology_issued = excluded.apology_issued, apology_due_at = excluded.apology_due_at,
            apology_text = excluded.apology_text, version = excluded.version, updated_at = excluded.updated_at,
            public_summary = excluded.public_summary, photos = excluded.photos, after_photos = excluded.after_photos,
            pending_photos = excluded.pending_photos, progress_photos = excluded.progress_photos
        """;

    public NpgsqlParameter[] Parameters() =>
    [
        Param.Uuid(CaseId), Param.Text(TrackingCode), Param.Text(Kind), Param.Text(Category), Param.Text(Ward),
        Param.Double(Latitude), Param.Double(Longitude), Param.Text(Channel), Param.Text(PublicStatus), Param.Text(ResumeStatus),
        Param.Text(LeadAgency), Param.Text(DuplicateOf), Param.Int(Cycle), Param.Time(ReceivedAt), Param.Time(VerifyDueAt),
        Param.Time(DueAt), Param.Time(ExtendedDueAt), Param.Time(ResolvedAt), Param.Bool(OnTime), Param.Text(PublicAnswer),
        Param.Int(Rating), Param.Bool(ApologyIssued), Param.Time(ApologyDueAt), Param.Text(ApologyText), Param.Long(Version),
        Param.Time(UpdatedAt), Param.Text(PublicSummary), Param.TextArray(Photos), Param.TextArray(AfterPhotos), Param.TextArray(PendingPhotos),
        Param.TextArray(ProgressPhotos),
    ];

    public static PublicCaseRow Read(NpgsqlDataReader r) => new()
    {
        CaseId = r.GetGuid(0), TrackingCode = r.GetString(1), Kind = r.GetString(2), Category = r.GetString(3), Ward = r.GetString(4),
        Latitude = r.DoubleOrNull(5), Longitude = r.DoubleOrNull(6), Channel = r.GetString(7), PublicStatus = r.GetString(8),
        ResumeStatus = r.TextOrNull(9), LeadAgency = r.TextOrNull(10), DuplicateOf = r.TextOrNull(11), Cycle = r.GetInt32(12),
        ReceivedAt = r.Time(13), VerifyDueAt = r.TimeOrNull(14), DueAt = r.TimeOrNull(15), ExtendedDueAt = r.TimeOrNull(16),
        ResolvedAt = r.TimeOrNull(17), OnTime = r.BoolOrNull(18), PublicAnswer = r.TextOrNull(19), Rating = r.IntOrNull(20),
        ApologyIssued = r.GetBoolean(21), ApologyDueAt = r.TimeOrNull(22), ApologyText = r.TextOrNull(23), Version = r.GetInt64(24),
        UpdatedAt = r.Time(25), PublicSummary = r.TextOrNull(26), Photos = r.GetFieldValue<string[]>(27),
        AfterPhotos = r.GetFieldValue<string[]>(28), PendingPhotos = r.GetFieldValue<string[]>(29),
        ProgressPhotos = r.GetFieldValue<string[]>(30),
    };
}
