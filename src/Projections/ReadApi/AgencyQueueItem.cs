using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>One case in an agency's work list. Not public: it may be confidential.</summary>
public sealed record AgencyQueueItem(
    string TrackingCode, string Kind, string Category, string Priority, string Ward, bool Confidential, string Status,
    Instant? AssignedAt, Instant? AcceptDueAt, bool Accepted, Instant? DueAt, Instant? ExtendedDueAt, Instant? EffectiveDueAt,
    bool WaitingForCitizen)
{
    /// <summary>Set by the caller, who knows the time and the calendar; <see cref="QueueUrgency.OnTrack"/> until then.</summary>
    public QueueUrgency Urgency { get; init; }

    /// <summary>Why the case is back (reopened, returned, answered), the reason and when; see AgencyQueuesProjection.</summary>
    public string? Flag { get; init; }
    public string? FlagReason { get; init; }
    public Instant? FlagAt { get; init; }
    public string? Channel { get; init; }

    /// <summary>The keyset cursor after this item.</summary>
    public string Cursor { get; init; } = "";

    /// <summary>
    /// Overdue when the effective due time has passed; due soon when at most one working day of working time is left
    /// (<paramref name="workingDay"/>, 7.5 hours in the province's week); on track otherwise or without a due time.
    /// </summary>
    public QueueUrgency UrgencyAt(Instant now, Func<Instant, Instant, Duration> workingTimeBetween, Duration workingDay) =>
        EffectiveDueAt is not { } due ? QueueUrgency.OnTrack
        : due <= now ? QueueUrgency.Overdue
        : workingTimeBetween(now, due) <= workingDay ? QueueUrgency.DueSoon
        : QueueUrgency.OnTrack;
}

/// <summary>How pressing an open case is for its agency (the console's marks and counts).</summary>
public enum QueueUrgency { OnTrack, DueSoon, Overdue }
