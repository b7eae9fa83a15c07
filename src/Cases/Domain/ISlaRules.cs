using NodaTime;

namespace Cases.Domain;

/// <summary>
/// The port through which the decider learns due times (DESIGN 2.4). Pure: the same inputs give the same
/// instant. The working-time calendar and the versioned policies implement it (src/Cases/Sla); tests may use
/// a plain fixed policy. Every method that returns a due time is recorded with <see cref="PolicyVersion"/>
/// and <see cref="CalendarVersion"/> in the event, so replays never recompute it.
/// </summary>
public interface ISlaRules
{
    string PolicyVersion { get; }
    string CalendarVersion { get; }

    /// <summary>Whether the category (for dossiers: the procedure) exists for the kind.</summary>
    bool IsKnownCategory(CaseKind kind, string category);

    Instant VerifyDue(string category, Instant receivedAt);
    Instant AcceptDue(CaseKind kind, string category, Instant assignedAt);
    Instant ResolveDue(string category, Priority priority, Instant assignedAt);
    Instant StatutoryDue(string procedure, Instant acceptedAt);

    /// <summary>How long a citizen has to answer a request for information.</summary>
    Instant InformationReplyDue(Instant requestedAt);

    InformationRequestEffect OnInformationRequest(CaseKind kind, string category);

    /// <summary>When to warn that a clock running from <paramref name="from"/> to <paramref name="due"/> is about to run out.</summary>
    Instant DeadlineWarningAt(CaseKind kind, string category, Instant from, Instant due);

    /// <summary>The due time after a pause: <paramref name="due"/> moved by the working time paused.</summary>
    Instant ExtendByPause(Instant due, Instant pausedAt, Instant resumedAt);

    /// <summary>
    /// <paramref name="due"/>, computed with calendar <paramref name="computedWith"/>, re-measured with the current
    /// calendar: the working time it left after <paramref name="from"/> counted again from there. Equal to
    /// <paramref name="due"/> when the calendars agree over that span.
    /// </summary>
    Instant RecomputeDue(Instant due, Instant from, string computedWith);
}

/// <summary>What Decide needs besides the state and the command: the instant, who acts, the SLA rules, and the
/// administrative map a ward or a point is checked against.</summary>
public sealed record DecideContext(Instant Now, Actor Actor, ISlaRules Sla)
{
    public Places.AdministrativeMap Places { get; init; } = Cases.Places.AdministrativeMap.Current;
}
