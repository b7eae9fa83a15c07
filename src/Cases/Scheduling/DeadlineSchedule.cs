using Cases.Domain;
using NodaTime;

namespace Cases.Scheduling;

/// <summary>
/// Which scheduled messages a case's state calls for (DESIGN 4): a warning and a breach for the running clock, an
/// expiry for an open request for information. Asked with the state before and after a command's events: when
/// nothing the scheduling depends on changed, nothing is scheduled. Messages already scheduled for an older clock
/// are not cancelled: each carries the due time it was scheduled for, and when it fires the decider finds the
/// clock has moved and appends nothing.
/// </summary>
public static class DeadlineSchedule
{
    public static IEnumerable<ScheduledMessage> Changes(ISlaRules sla, CaseState before, CaseState after, Instant now) =>
        Key(before).Equals(Key(after)) ? [] : Desired(sla, after, now); // Equals: the clock is boxed, == would compare references

    /// <summary>What the scheduling depends on; equal keys mean the same messages.</summary>
    static (object?, Instant?, int) Key(CaseState s) =>
        (s.RunningClock, s.Status == CaseStatus.WaitingForCitizen ? s.InformationReplyDueAt : null, s.DeadlineMarks.Count);

    static IEnumerable<ScheduledMessage> Desired(ISlaRules sla, CaseState s, Instant now)
    {
        if (s.RunningClock is { } clock)
        {
            var warnAt = sla.DeadlineWarningAt(s.Kind, s.Category, now, clock.DueAt);
            if (warnAt < clock.DueAt && !s.DeadlineMarks.Contains(CaseState.Mark(clock.Timer, clock.DueAt, false)))
                yield return ScheduledMessage.Deadline(s.Id, clock.Timer, clock.DueAt, Instant.Max(warnAt, now), breached: false);
            if (!s.DeadlineMarks.Contains(CaseState.Mark(clock.Timer, clock.DueAt, true)))
                yield return ScheduledMessage.Deadline(s.Id, clock.Timer, clock.DueAt, clock.DueAt, breached: true);
        }
        if (s.Status == CaseStatus.WaitingForCitizen && s.InformationReplyDueAt is { } replyDue)
            yield return ScheduledMessage.Expiry(s.Id, replyDue);
    }
}
