using System.Security.Cryptography;
using Cases.Domain;
using Marten;

namespace Cases.Handlers;

/// <summary>
/// What an idempotency key is scoped to (issue 26). The scope must be the same on every node and after every
/// restart, so it is never derived from the process or the client's address:
/// <list type="bullet">
/// <item>the public (anonymous submissions): one namespace, <c>public:KEY</c>; the request's content decides the
/// rest: the same key with the same content is the same submission, with other content it is refused
/// (<c>IDEMPOTENCY_KEY_REUSED</c>), never answered with someone else's case;</item>
/// <item>a citizen acting with a case's secret: that case (<c>citizen:CODE:KEY</c>);</item>
/// <item>staff and partners: their key's or account's id (<c>key:ID:KEY</c>, <c>user:LOGIN:KEY</c>, <c>oidc:SUB:KEY</c>).</item>
/// </list>
/// The record of the first result (<see cref="EventStore.ProcessedCommand"/>, with the content's fingerprint) is
/// committed with the command's events and kept as long as the event store keeps the case.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>Longer keys are refused: a UUID is 36 characters, and the record is a primary key.</summary>
    public const int MaxLength = 128;

    public const string Description =
        "Repeating a key with the same input returns the first result and changes nothing (also after a restart or on " +
        "another node); the same key with other input is refused with IDEMPOTENCY_KEY_REUSED. At most 128 characters.";

    /// <summary>The refusal of a key that cannot be used, or null.</summary>
    public static DomainError? Invalid(string? key) => key switch
    {
        null => null,
        { Length: > MaxLength } => DomainError.Validation("idempotencyKey", $"An idempotency key has at most {MaxLength} characters."),
        _ when string.IsNullOrWhiteSpace(key) => DomainError.Validation("idempotencyKey", "An idempotency key cannot be blank."),
        _ when key.Any(char.IsControl) => DomainError.Validation("idempotencyKey", "An idempotency key has no control characters."),
        _ => null,
    };

    /// <summary>The stored key for <paramref name="key"/> sent by <paramref name="actor"/>; null without a key.</summary>
    public static string? Scoped(Actor actor, string? key) =>
        key is not { Length: > 0 } ? null : actor.Role == Role.Public ? $"public:{key}" : $"{actor.Id}:{key}";

    /// <summary>
    /// The fingerprint of what a command asks for: SHA-256 of its JSON (Marten's serializer, so NodaTime values are
    /// written as text). A submission's contact is left out: a resent form whose contact was corrected is the same
    /// report, and no hash of personal data is kept beside the key.
    /// </summary>
    public static string Fingerprint(ISerializer json, object request) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json.ToJson(request))));

    public static string Fingerprint(ISerializer json, CaseSubmission submission) =>
        Fingerprint(json, (object)(submission with { Reporter = null }));

    public static string Fingerprint(ISerializer json, Guid caseId, CaseCommand command) =>
        Fingerprint(json, (object)new { caseId, command = command.Name, body = json.ToJson(command) });

    public static DomainError Reused(string reason) =>
        new(DomainError.IdempotencyKeyReused, reason, new Dictionary<string, object?> { ["field"] = "idempotencyKey" });
}
