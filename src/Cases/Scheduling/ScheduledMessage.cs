using System.Security.Cryptography;
using System.Text;
using Cases.Domain;
using NodaTime;

namespace Cases.Scheduling;

/// <summary>
/// A command to run on a case at a due time: a Wolverine scheduled message, stored durably in the same transaction
/// as the events that started or moved the clock (DESIGN 4). <c>TargetDueAt</c> is the due time of the clock it
/// was scheduled for, so a superseded message appends nothing. The id is derived from the stream, the type and the
/// due time, so the run's idempotency key is stable: a message delivered twice appends once.
/// </summary>
public sealed record ScheduledMessage(Guid Id, Guid StreamId, string Type, SlaTimer? Timer, Instant DueAt, Instant TargetDueAt)
{
    public const string Approaching = "deadline_approaching", Breached = "deadline_breached", InformationExpiry = "information_expiry";

    public static ScheduledMessage Deadline(Guid streamId, SlaTimer timer, Instant target, Instant fireAt, bool breached)
    {
        var type = breached ? Breached : Approaching;
        return new(IdOf(streamId, type, target), streamId, type, timer, fireAt, target);
    }

    public static ScheduledMessage Expiry(Guid streamId, Instant replyDue) =>
        new(IdOf(streamId, InformationExpiry, replyDue), streamId, InformationExpiry, null, replyDue, replyDue);

    /// <summary>The command this message runs through the normal workflow.</summary>
    public CaseCommand ToCommand() => Type switch
    {
        Approaching => new CaseCommand.RecordDeadline(Timer!.Value, TargetDueAt, Breached: false),
        Breached => new CaseCommand.RecordDeadline(Timer!.Value, TargetDueAt, Breached: true),
        InformationExpiry => new CaseCommand.ExpireInformationRequest(),
        _ => throw new InvalidOperationException($"Unknown scheduled message type '{Type}'."),
    };

    public string IdempotencyKey => $"scheduled:{Id}";

    static Guid IdOf(Guid stream, string type, Instant target) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{stream}|{type}|{target}"))[..16]);
}
