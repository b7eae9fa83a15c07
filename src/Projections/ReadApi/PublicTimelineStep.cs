using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>One public step of a case's timeline, in version order.</summary>
public sealed record PublicTimelineStep(long Version, Instant OccurredAt, string Step, string? Agency, string? PublicText, Instant? DueAt);
