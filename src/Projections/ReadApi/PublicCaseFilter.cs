using Cases.Domain;
using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>Filters of the public case list; null means any. <c>ReceivedFrom</c> is inclusive, <c>ReceivedTo</c> exclusive.</summary>
public sealed record PublicCaseFilter(
    CaseKind? Kind = null, string? Category = null, string? Ward = null, string? Agency = null, PublicStatus? Status = null,
    Instant? ReceivedFrom = null, Instant? ReceivedTo = null);
