using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>One case in an agency's work list. Not public: it may be confidential.</summary>
public sealed record AgencyQueueItem(
    string TrackingCode, string Kind, string Category, string Priority, string Ward, bool Confidential, string Status,
    Instant? AssignedAt, Instant? AcceptDueAt, bool Accepted, Instant? DueAt, Instant? ExtendedDueAt, Instant? EffectiveDueAt,
    bool WaitingForCitizen);
