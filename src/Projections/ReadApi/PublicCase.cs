using Cases.Domain;
using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>
/// A case as the public sees it (DESIGN 5, DESIGN 7): no reporter data, the location coarsened to ~100 m.
/// Due times: <c>DueAt</c> is the main clock's original due time, <c>ExtendedDueAt</c> an approved extension (the
/// one lateness is judged by), <c>ApologyDueAt</c> the new date a late dossier's apology promised.
/// </summary>
public sealed record PublicCase(
    string TrackingCode, CaseKind Kind, string Category, string Ward, GeoPoint? Location, Channel Channel, PublicStatus Status,
    string? LeadAgency, string? DuplicateOf, int Cycle, Instant ReceivedAt, Instant? VerifyDueAt, Instant? DueAt,
    Instant? ExtendedDueAt, Instant? ResolvedAt, bool? OnTime, string? PublicAnswer, int? Rating, bool ApologyIssued,
    Instant? ApologyDueAt, string? ApologyText, Instant UpdatedAt)
{
    /// <summary>What was reported, as the center published it at verification (null before, and for a rejected report).</summary>
    public string? Summary { get; init; }
    /// <summary>The citizen's photos (media ids), public once the report is verified.</summary>
    public IReadOnlyList<string> Photos { get; init; } = [];
    /// <summary>The agency's photos of the result.</summary>
    public IReadOnlyList<string> AfterPhotos { get; init; } = [];
    /// <summary>The agency's photos of the work under way, from its progress notes.</summary>
    public IReadOnlyList<string> ProgressPhotos { get; init; } = [];
}
