namespace Cases.Domain;

/// <summary>
/// A refusal with a stable code the API exposes as <c>extensions.code</c> (DESIGN 6.2).
/// <c>Details</c> holds what a client needs to react (the field, the current status, the allowed commands).
/// </summary>
public sealed record DomainError(string Code, string Message, IReadOnlyDictionary<string, object?> Details)
{
    public const string NotFound = "CASE_NOT_FOUND";
    public const string InvalidTransition = "CASE_INVALID_TRANSITION";
    public const string ConcurrencyConflict = "CASE_CONCURRENCY_CONFLICT";
    public const string Forbidden = "FORBIDDEN";
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>A refused input: the field it names and, when a client can say more than "invalid", why (a stable
    /// word the site and console translate: required, too_long, unknown, outside_province, place_required).</summary>
    public static DomainError Validation(string field, string message, string? reason = null) =>
        new(ValidationFailed, message, reason is null
            ? new Dictionary<string, object?> { ["field"] = field }
            : new Dictionary<string, object?> { ["field"] = field, ["reason"] = reason });

    public static DomainError ForbiddenFor(Actor actor, string command) =>
        new(Forbidden, $"The {actor.Role.ToString().ToLowerInvariant()} role may not {command} this case.",
            new Dictionary<string, object?> { ["role"] = actor.Role.ToString().ToLowerInvariant() });

    public static DomainError CaseNotFound(string reference) =>
        new(NotFound, $"No case {reference}.", new Dictionary<string, object?> { ["case"] = reference });

    public static DomainError Conflict(long expected, long actual) =>
        new(ConcurrencyConflict, $"The case changed: expected version {expected}, it is at {actual}.",
            new Dictionary<string, object?> { ["expectedVersion"] = expected, ["actualVersion"] = actual });
}

/// <summary>The outcome of <see cref="CaseDecider.Decide"/>: events to append (possibly none), or a refusal.</summary>
public abstract record Decision
{
    public sealed record Accept(IReadOnlyList<CaseEvent> Events) : Decision;
    public sealed record Refuse(DomainError Error) : Decision;

    public static Decision Of(params CaseEvent[] events) => new Accept(events);
    public static readonly Decision Nothing = new Accept([]);
    public static implicit operator Decision(DomainError error) => new Refuse(error);
}
