using System.Text.Json;
using Cases.Domain;
using Cases.EventStore;
using Cases.Workflow;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace Cases.Scheduling;

/// <summary>
/// Keeps a case's scheduled messages equal to what its state calls for, in the same transaction as its
/// events: a warning and a breach for the running clock, an expiry for an open request for information.
/// When a command starts, moves, pauses or stops a clock, the stream's pending messages are replaced;
/// when nothing relevant changed, nothing is written.
/// </summary>
public sealed class DeadlineOutbox(ISlaRules sla) : IOutbox
{
    public IEnumerable<NpgsqlBatchCommand> CommandsFor(CaseState before, CaseState after, IReadOnlyList<CaseEvent> events)
    {
        if (Key(before) == Key(after)) yield break;
        var delete = new NpgsqlBatchCommand("delete from cases.scheduled_messages where stream_id = $1");
        delete.Parameters.Add(new NpgsqlParameter { Value = after.Id });
        yield return delete;
        foreach (var message in Desired(after, events[^1].At))
            yield return Insert(message);
    }

    /// <summary>What the scheduling depends on; equal keys mean the same messages.</summary>
    static (object?, Instant?, int) Key(CaseState s) =>
        (s.RunningClock, s.Status == CaseStatus.WaitingForCitizen ? s.InformationReplyDueAt : null, s.DeadlineMarks.Count);

    IEnumerable<ScheduledMessage> Desired(CaseState s, Instant now)
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

    static NpgsqlBatchCommand Insert(ScheduledMessage m)
    {
        var cmd = new NpgsqlBatchCommand("""
            insert into cases.scheduled_messages (id, stream_id, type, payload, due_at) values ($1, $2, $3, $4, $5)
            on conflict (id) do update set due_at = excluded.due_at, attempts = 0, last_error = null, locked_until = null
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = m.Id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = m.StreamId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = m.Type });
        cmd.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(m, EventJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        cmd.Parameters.Add(new NpgsqlParameter { Value = m.DueAt.ToDateTimeUtc() });
        return cmd;
    }
}
