using Cases.Domain;
using JasperFx.Events;
using NodaTime;

namespace Cases.EventStore;

/// <summary>
/// Who did it and why, stored beside each event (DESIGN 3): the correlation and causation ids and the actor as
/// Marten metadata, the command, the actor's role and agency and the client's IP hash as headers. Never the
/// reporter's personal data.
/// </summary>
public sealed record EventMetadata(
    string CorrelationId, string? CausationId, string ActorId, Role ActorRole, string? ActorAgency, string Command,
    string? ClientIpHash = null);

/// <summary>
/// An event as the store holds it: its place in the global sequence (<c>mt_events.seq_id</c>), its stream and
/// version, the stored alias, the data, the metadata, when it happened (the event's own instant) and when it was
/// recorded (the server's timestamp).
/// </summary>
public sealed record StoredEvent(
    long Seq, Guid StreamId, long Version, string Type, CaseEvent Event, EventMetadata Metadata,
    Instant OccurredAt, Instant RecordedAt)
{
    /// <summary>The chain's hashes from the event's headers (hex), for auditors to read.</summary>
    public string? Hash { get; init; }
    public string? PrevHash { get; init; }

    /// <summary>
    /// Reads Marten's event. An alias this build does not know is an error that names it (DESIGN 3), never an
    /// event skipped or read as the wrong type.
    /// </summary>
    public static StoredEvent From(IEvent e)
    {
        EventTypes.TypeOf(e.EventTypeName);
        if (e.Data is not CaseEvent data)
            throw new UnknownEventTypeException(e.EventTypeName);
        return new StoredEvent(e.Sequence, e.StreamId, e.Version, e.EventTypeName, data, MetadataOf(e),
            data.At, Instant.FromDateTimeOffset(e.Timestamp)) { Hash = Header(e, EventHeaders.Hash), PrevHash = Header(e, EventHeaders.PrevHash) };
    }

    public static EventMetadata MetadataOf(IEvent e) => new(
        e.CorrelationId ?? "", e.CausationId, e.UserName ?? "",
        Enum.TryParse<Role>(Header(e, EventHeaders.ActorRole), ignoreCase: true, out var role) ? role : Role.Public,
        Header(e, EventHeaders.ActorAgency), Header(e, EventHeaders.Command) ?? "", Header(e, EventHeaders.ClientIpHash));

    public static string? Header(IEvent e, string key) => e.GetHeader(key) switch
    {
        null => null,
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Null } => null,
        System.Text.Json.JsonElement j => j.ValueKind == System.Text.Json.JsonValueKind.String ? j.GetString() : j.GetRawText(),
        var v => v.ToString(),
    };
}

/// <summary>The header names, stable forever: the hash chain covers them.</summary>
public static class EventHeaders
{
    public const string Command = "command", ActorRole = "actor_role", ActorAgency = "actor_agency",
        ClientIpHash = "client_ip_hash", PrevHash = "prev_hash", Hash = "hash";
}
