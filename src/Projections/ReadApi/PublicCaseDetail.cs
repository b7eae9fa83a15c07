namespace Cases.Projections.ReadApi;

/// <summary>A case and its public timeline, as looked up by tracking code.</summary>
public sealed record PublicCaseDetail(PublicCase Case, IReadOnlyList<PublicTimelineStep> Timeline);
