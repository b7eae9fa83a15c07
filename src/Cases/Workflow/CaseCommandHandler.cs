using Cases.Domain;
using Cases.EventStore;
using Npgsql;
using NodaTime;
using Serilog;

namespace Cases.Workflow;

/// <summary>
/// The aggregate handler workflow (DESIGN 4): load the stream, decide, and in one transaction append the
/// events, record the idempotency key and write the outbox. A concurrency conflict is retried a bounded
/// number of times (re-load, re-decide) unless the client named the version it expects.
/// </summary>
public sealed class CaseCommandHandler(
    CaseEventStore store, ISlaRules sla, IClock clock, ILogger log, IOutbox? outbox = null, int maxAttempts = 3)
{
    static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>
    /// Receives a new case: an id, a tracking code, the reporter's contact kept apart from the events, and the
    /// citizen's secret (its hash stored with the first event; the secret itself is returned once, here).
    /// </summary>
    public async Task<CommandOutcome> SubmitAsync(CaseSubmission s, CommandEnvelope env, CancellationToken ct = default)
    {
        if (env.IdempotencyKey is { } key && await Replay(key, null, ct) is { } replayed) return replayed;

        var id = Guid.CreateVersion7();
        var now = Now();
        await using var conn = await store.DataSource.OpenConnectionAsync(ct);
        long number;
        await using (var next = new NpgsqlCommand("select nextval('cases.tracking_numbers')", conn))
            number = (long)(await next.ExecuteScalarAsync(ct))!;
        var trackingCode = TrackingCode(now, number);

        var secret = Access.Secrets.New(Access.CitizenSecrets.Prefix);
        var extra = new List<NpgsqlBatchCommand> { Access.CitizenSecrets.StoreCommand(id, secret) };
        Guid? reporterRef = null;
        if (s.Reporter is { } r && (r.Name ?? r.Phone ?? r.Email ?? r.Address) is not null)
        {
            reporterRef = Guid.CreateVersion7();
            var insert = new NpgsqlBatchCommand("insert into cases.reporters (ref, name, phone, email, address) values ($1, $2, $3, $4, $5)");
            foreach (var v in new object?[] { reporterRef, r.Name, r.Phone, r.Email, r.Address })
                insert.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value, NpgsqlDbType = v is Guid ? NpgsqlTypes.NpgsqlDbType.Uuid : NpgsqlTypes.NpgsqlDbType.Text });
            extra.Add(insert);
        }
        var command = new CaseCommand.SubmitCase(s.Kind, s.Channel, s.Category, s.Description, s.Location, s.Ward, s.MediaRefs, trackingCode, reporterRef);
        var outcome = await DecideAndAppend(conn, id, command, CaseState.Initial(id), env, now, extra, ct);
        return outcome is CommandOutcome.Done { Replayed: false } done ? done with { CitizenSecret = secret } : outcome;
    }

    /// <summary>The tracking code of the case received at <paramref name="at"/> with running number <paramref name="number"/>: HUE-2026-004211.</summary>
    public static string TrackingCode(Instant at, long number) => $"HUE-{at.InZone(Zone).Year}-{number:D6}";

    public async Task<CommandOutcome> HandleAsync(Guid caseId, CaseCommand command, CommandEnvelope env, CancellationToken ct = default)
    {
        if (command is CaseCommand.SubmitCase) throw new ArgumentException("Use SubmitAsync for new cases.", nameof(command));

        for (var attempt = 1; ; attempt++)
        {
            IReadOnlyList<StoredEvent> events;
            if (attempt == 1 && env.IdempotencyKey is { } key)
            {
                // One round trip for both: was this command processed before, and the stream to decide on.
                (var processed, events) = await store.LoadForCommandAsync(caseId, key, ct);
                if (processed is not null) return (await Replay(key, caseId, ct))!;
            }
            else events = await store.ReadStreamAsync(caseId, ct: ct);
            var state = CaseState.Fold(caseId, events.Select(e => e.Event));
            if (env.ExpectedVersion is { } expected && expected != state.Version && state.Status != CaseStatus.New)
                return Refuse(caseId, command, env, DomainError.Conflict(expected, state.Version));
            await using var conn = await store.DataSource.OpenConnectionAsync(ct);
            try
            {
                return await DecideAndAppend(conn, caseId, command, state, env, Now(), [], ct);
            }
            catch (ConcurrencyException e) when (env.ExpectedVersion is null && attempt < maxAttempts)
            {
                Logger(caseId, state.TrackingCode, command, env).Information(
                    "Concurrency conflict at version {Version} (attempt {Attempt}); re-deciding", e.Actual, attempt);
            }
            catch (ConcurrencyException e)
            {
                return Refuse(caseId, command, env, DomainError.Conflict(e.Expected, e.Actual));
            }
        }
    }

    async Task<CommandOutcome> DecideAndAppend(
        NpgsqlConnection conn, Guid id, CaseCommand command, CaseState state, CommandEnvelope env, Instant now,
        List<NpgsqlBatchCommand> extra, CancellationToken ct)
    {
        var decision = CaseDecider.Decide(command, state, new DecideContext(now, env.Actor, sla));
        if (decision is Decision.Refuse refuse) return Refuse(id, command, env, refuse.Error, state.TrackingCode);
        var events = ((Decision.Accept)decision).Events;
        if (events.Count == 0) return new CommandOutcome.Done(state, events, Replayed: false);

        var after = CaseDecider.Apply(state, events);
        if (outbox is not null) extra.AddRange(outbox.CommandsFor(state, after, events));
        var metadata = new EventMetadata(env.CorrelationId, env.CausationId, env.Actor.Id, env.Actor.Role, env.Actor.AgencyId, command.Name, env.ClientIpHash);
        try
        {
            await CaseEventStore.AppendAsync(conn, id, state.Version, events, metadata, env.IdempotencyKey, extra, ct);
            store.Notifier?.Signal();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "processed_commands_pkey")
        {
            // The same command raced itself and the other copy committed first: return its result.
            return await Replay(env.IdempotencyKey!, id, ct)
                ?? throw new InvalidOperationException("Idempotency key vanished after a unique violation.");
        }
        Logger(id, after.TrackingCode, command, env).Information(
            "{Command} appended {Events} at version {Version}", command.Name, string.Join(",", events.Select(EventTypes.AliasOf)), after.Version);
        return new CommandOutcome.Done(after, events, Replayed: false);
    }

    async Task<CommandOutcome?> Replay(string key, Guid? caseId, CancellationToken ct)
    {
        if (await store.FindProcessedAsync(key, ct) is not { } first) return null;
        if (caseId is { } expected && first.StreamId != expected)
            return new CommandOutcome.Refused(DomainError.Validation("idempotencyKey", "This idempotency key was already used for another case."));
        var events = await store.ReadStreamAsync(first.StreamId, upToVersion: first.Version, ct: ct);
        return new CommandOutcome.Done(CaseState.Fold(first.StreamId, events.Select(e => e.Event)), [], Replayed: true);
    }

    CommandOutcome Refuse(Guid id, CaseCommand command, CommandEnvelope env, DomainError error, string? trackingCode = null)
    {
        Logger(id, trackingCode, command, env).Information("{Command} refused: {Code} {Reason}", command.Name, error.Code, error.Message);
        return new CommandOutcome.Refused(error);
    }

    ILogger Logger(Guid id, string? trackingCode, CaseCommand command, CommandEnvelope env) => log
        .ForContext("CaseId", id).ForContext("TrackingCode", trackingCode).ForContext("CorrelationId", env.CorrelationId)
        .ForContext("Command", command.Name).ForContext("ActorRole", env.Actor.Role);

    // PostgreSQL keeps microseconds: truncating here makes the event's instant equal its stored occurred_at.
    Instant Now() => Instant.FromUnixTimeTicks(clock.GetCurrentInstant().ToUnixTimeTicks() / 10 * 10);
}
