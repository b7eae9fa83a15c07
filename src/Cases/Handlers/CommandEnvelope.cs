using Cases.Domain;

namespace Cases.Handlers;

/// <summary>
/// What travels with every command: who sends it, the correlation and causation ids for the logs and the
/// event metadata, an optional idempotency key (a repeated key returns the first result and appends
/// nothing) and an optional expected version (a mismatch is a conflict, never retried).
/// </summary>
public sealed record CommandEnvelope(
    Actor Actor, string CorrelationId, string? CausationId = null, string? IdempotencyKey = null,
    long? ExpectedVersion = null, string? ClientIpHash = null);

/// <summary>A new report or dossier as submitted. The handler gives it an id, a tracking code and a reporter ref.</summary>
public sealed record CaseSubmission(
    CaseKind Kind, Channel Channel, string Category, string Description, GeoPoint? Location, string Ward,
    IReadOnlyList<string> MediaRefs, ReporterContact? Reporter)
{
    /// <summary>The partner system submitting on a citizen's behalf (Open311, or a partner key over GraphQL).</summary>
    public string? Client { get; init; }
}

/// <summary>The reporter's personal data: stored in cases.reporters only, never in an event (DESIGN 7).</summary>
public sealed record ReporterContact(string? Name, string? Phone, string? Email, string? Address)
{
    /// <summary>The partner's identifiers of the reporter's device and account (Open311 <c>device_id</c>, <c>account_id</c>).</summary>
    public string? DeviceId { get; init; }
    public string? AccountId { get; init; }
    /// <summary>A photo elsewhere that the partner named (Open311 <c>media_url</c>): a reference kept for the center, never
    /// fetched by Cases, never published (it may show the reporter or their door).</summary>
    public string? MediaUrl { get; init; }
    /// <summary>The channels and language the reporter agreed to be told by (issue 22); none by default.</summary>
    public Notifications.NotificationConsent? Consent { get; init; }
}

/// <summary>The result of a command: the case as the write side knows it right after, or a typed refusal.</summary>
public abstract record CommandOutcome
{
    /// <summary>
    /// <c>Replayed</c>: the idempotency key was seen before; <c>State</c> is the first result.
    /// <c>CitizenSecret</c>: set once, on the first result of a submission, and never again.
    /// </summary>
    public sealed record Done(CaseState State, IReadOnlyList<CaseEvent> NewEvents, bool Replayed) : CommandOutcome
    {
        public string? CitizenSecret { get; init; }
    }
    public sealed record Refused(DomainError Error) : CommandOutcome;
}

/// <summary>A new case, sent through Wolverine to <see cref="CaseHandlers"/>.</summary>
public sealed record SubmitCaseMessage(CaseSubmission Submission, CommandEnvelope Envelope);

/// <summary>A command on an existing case, sent through Wolverine to <see cref="CaseHandlers"/>.</summary>
public sealed record CaseCommandMessage(Guid CaseId, CaseCommand Command, CommandEnvelope Envelope);
