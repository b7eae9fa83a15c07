using Cases.Domain;
using Cases.EventStore;
using Cases.Scheduling;
using Cases.Sla;
using JasperFx.Events;
using Marten;
using Npgsql;
using NodaTime;
using Wolverine;
using JasperFx.Core;


namespace Cases.Handlers;

/// <summary>
/// The aggregate handler workflow (DESIGN 4), as Wolverine handlers: load the case with <c>FetchForWriting</c>,
/// call the pure <see cref="CaseDecider.Decide"/>, append its events with their metadata and hash chain, record
/// the idempotency key and schedule the deadlines the new state calls for, all in the one Marten session that
/// Wolverine's outbox commits as one transaction. One handler serves every command: the decider already
/// dispatches on the command, so a handler per command would be the same lines twenty times.
/// A concurrency conflict propagates, and Wolverine's retry policy re-runs the handler (re-load, re-decide);
/// with a client's expected version the re-run fails at once on the fetch, as a typed conflict.
/// </summary>
public static class CaseHandlers
{
    static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>The tracking code of the case received at <paramref name="at"/> with running number <paramref name="number"/>:
    /// HUE-2026-004211, the prefix being the province's (<c>Province:TrackingPrefix</c>).</summary>
    public static string TrackingCode(Instant at, long number, string prefix = "HUE") => $"{prefix}-{at.InZone(Zone).Year}-{number:D6}";

    /// <summary>
    /// Receives a new case: an id, a tracking code, the reporter's contact kept apart from the events, and the
    /// citizen's secret (its hash stored with the first event; the secret itself is returned once, here).
    /// </summary>
    public static async Task<CommandOutcome> Handle(
        SubmitCaseMessage message, IDocumentSession session, IMessageContext bus, NpgsqlDataSource db, SlaRulesSource rules,
        IClock clock, CaseWriteOptions options, Serilog.ILogger log, CancellationToken ct)
    {
        var sla = rules.Current;
        var (s, env) = (message.Submission, message.Envelope);
        // No look-up of the key first: a repeat is rare, and the unique record of the first result catches it at
        // commit (see DecideAndAppend), which saves a round trip on every keyed command (issue 21).
        var fingerprint = env.IdempotencyKey is null ? null : IdempotencyKeys.Fingerprint(session.DocumentStore.Options.Serializer(), s);

        var id = Guid.CreateVersion7();
        var now = Now(clock);
        long number;
        await using (var next = db.CreateCommand("select nextval('cases.tracking_numbers')"))
            number = (long)(await next.ExecuteScalarAsync(ct))!;
        var trackingCode = TrackingCode(now, number, options.TrackingPrefix);

        Guid? reporterRef = null;
        if (s.Reporter is { } r && (r.Name ?? r.Phone ?? r.Email ?? r.Address ?? r.DeviceId ?? r.AccountId ?? r.MediaUrl) is not null)
        {
            reporterRef = Guid.CreateVersion7();
            session.QueueSqlCommand("insert into cases.reporters (ref, name, phone, email, address, device_id, account_id, media_url) values (?, ?, ?, ?, ?, ?, ?, ?)",
                reporterRef, r.Name!, r.Phone!, r.Email!, r.Address!, r.DeviceId!, r.AccountId!, r.MediaUrl!);
        }
        var secret = Access.Secrets.New(Access.CitizenSecrets.Prefix);
        session.QueueSqlCommand("insert into cases.case_secrets (stream_id, secret_hash) values (?, ?)", id, Access.Secrets.Hash(secret));
        if (reporterRef is { } consenting && s.Reporter?.Consent is { Channels.Count: > 0 } consent)
        {
            Notifications.NotificationPlanner.StoreConsent(session, consenting, consent, now);
            session.QueueSqlCommand("insert into cases.receipt_links (case_id, secret) values (?, ?)", id, secret);
        }

        var command = new CaseCommand.SubmitCase(s.Kind, s.Channel, s.Category, s.Description, s.Location, s.Ward, s.MediaRefs, trackingCode, reporterRef)
            { Client = s.Client };
        var outcome = await DecideAndAppend(session, bus, null, CaseStream.Initial(id), command, env, fingerprint, now, sla, rules.Places, options, log, ct);
        return outcome is CommandOutcome.Done { Replayed: false } done ? done with { CitizenSecret = secret } : outcome;
    }

    public static async Task<CommandOutcome> Handle(
        CaseCommandMessage message, IDocumentSession session, IMessageContext bus, SlaRulesSource rules, IClock clock,
        CaseWriteOptions options, Serilog.ILogger log, CancellationToken ct)
    {
        var sla = rules.Current; // once: one decision never mixes two calendars
        var (id, command, env) = (message.CaseId, message.Command, message.Envelope);
        if (command is CaseCommand.SubmitCase) throw new ArgumentException("Send SubmitCaseMessage for new cases.", nameof(message));
        var fingerprint = env.IdempotencyKey is null ? null : IdempotencyKeys.Fingerprint(session.DocumentStore.Options.Serializer(), id, command);

        IEventStream<CaseStream> stream;
        try
        {
            stream = env.ExpectedVersion is { } expected
                ? await session.Events.FetchForWriting<CaseStream>(id, expected, ct)
                : await session.Events.FetchForWriting<CaseStream>(id, ct);
        }
        catch (JasperFx.ConcurrencyException) when (env.ExpectedVersion is { } expected)
        {
            // A client resending a command that succeeded (same key, the version it expected before) gets its first result.
            if (env.IdempotencyKey is { } key && await Replay(session.DocumentStore, key, id, fingerprint, ct) is { } replayed) return replayed;
            var actual = (await session.Events.FetchStreamStateAsync(id, ct))?.Version ?? 0;
            return actual == 0
                ? Refuse(log, id, null, command, env, DomainError.CaseNotFound(id.ToString()))
                : Refuse(log, id, null, command, env, DomainError.Conflict(expected, actual));
        }
        return await DecideAndAppend(session, bus, stream, stream.Aggregate ?? CaseStream.Initial(id), command, env, fingerprint, Now(clock), sla, rules.Places, options, log, ct);
    }

    /// <summary>
    /// A deadline fires: it runs through the same workflow, as the scheduler, keyed by the message so a redelivery
    /// appends once. Returns nothing: a refusal (the case closed meanwhile) is logged and is not a failure, and an
    /// outcome returned here would be published as a cascading message with nowhere to go.
    /// </summary>
    public static async Task Handle(
        ScheduledMessage message, IDocumentSession session, IMessageContext bus, SlaRulesSource rules, IClock clock,
        CaseWriteOptions options, Serilog.ILogger log, CancellationToken ct) =>
        await Handle(new CaseCommandMessage(message.StreamId, message.ToCommand(),
                new CommandEnvelope(Actor.Scheduler, message.IdempotencyKey, IdempotencyKey: message.IdempotencyKey)),
            session, bus, rules, clock, options, log, ct);

    static async Task<CommandOutcome> DecideAndAppend(
        IDocumentSession session, IMessageContext bus, IEventStream<CaseStream>? stream, CaseStream current,
        CaseCommand command, CommandEnvelope env, string? fingerprint, Instant now, ISlaRules sla, Places.AdministrativeMaps places,
        CaseWriteOptions options, Serilog.ILogger log, CancellationToken ct)
    {
        var (id, state) = (current.Id, current.State);
        var decision = CaseDecider.Decide(command, state, new DecideContext(now, env.Actor, sla) { Places = places.MapAt(now.InZone(Zone).Date) });
        var events = decision is Decision.Accept accept ? accept.Events : [];
        // A repeat whose case has moved on since the first time is refused or changes nothing now: its first result
        // is the answer. Only then is the key looked up; an accepted repeat is caught by the record's unique id below.
        if (events.Count == 0 && env.IdempotencyKey is { } seen && await Replay(session, seen, stream is null ? null : id, fingerprint, ct) is { } replayed)
            return replayed;
        if (decision is Decision.Refuse refuse) return Refuse(log, id, state.TrackingCode, command, env, refuse.Error);
        if (events.Count == 0) return new CommandOutcome.Done(state, events, Replayed: false);

        var after = CaseDecider.Apply(state, events);
        var metadata = new EventMetadata(env.CorrelationId, env.CausationId, env.Actor.Id, env.Actor.Role, env.Actor.AgencyId, command.Name, env.ClientIpHash);
        var chained = EventChain.Link(((DocumentStore)session.DocumentStore).Events, session.DocumentStore.Options.Serializer(),
            id, state.Version, EventChain.FromHex(current.LastHash), events, _ => metadata);
        session.CorrelationId = env.CorrelationId;
        session.CausationId = env.CausationId;
        session.LastModifiedBy = env.Actor.Id;
        if (stream is null)
        {
            var received = (CaseEvent.CaseReceived)events[0];
            session.Events.StartStream<CaseStream>(id, chained);
            session.Insert(new CaseIdentity(id, received.TrackingCode, received.Kind));
        }
        else stream.AppendMany(chained);
        MediaLinks.Queue(session, id, events);
        if (env.IdempotencyKey is { } key) session.Insert(new ProcessedCommand(key, id, after.Version, fingerprint));
        if (options.ScheduleDeadlines)
            foreach (var due in DeadlineSchedule.Changes(sla, state, after, now))
                await bus.ScheduleAsync(due, due.DueAt.ToDateTimeOffset());
        await Notifications.NotificationPlanner.PlanAsync(session, bus, state, after, events, sla, options.Notifications);

        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException e) when (e.DocumentType == typeof(ProcessedCommand))
        {
            // The same key raced itself (a retry on another node) and the other copy committed first: return its
            // result, or refuse when it asked for something else. A submission's own id is not the winner's.
            return await Replay(session.DocumentStore, env.IdempotencyKey!, stream is null ? null : id, fingerprint, ct)
                ?? throw new InvalidOperationException("Idempotency key vanished after a unique violation.");
        }
        Logger(log, id, after.TrackingCode, command, env).Information(
            "{Command} appended {Events} at version {Version}", command.Name, string.Join(",", events.Select(EventTypes.AliasOf)), after.Version);
        return new CommandOutcome.Done(after, events, Replayed: false);
    }

    /// <summary>The first result of a command already processed with this key, looked up on the handler's own session.</summary>
    static async Task<CommandOutcome?> Replay(IQuerySession session, string key, Guid? caseId, string? fingerprint, CancellationToken ct) =>
        await session.LoadAsync<ProcessedCommand>(key, ct) is { } first ? await Replay(session.DocumentStore, first, caseId, fingerprint, ct) : null;

    /// <summary>The same on fresh sessions: after a failed commit the handler's session cannot be used again.</summary>
    static async Task<CommandOutcome?> Replay(IDocumentStore store, string key, Guid? caseId, string? fingerprint, CancellationToken ct) =>
        await new CaseEventStore(store).FindProcessedAsync(key, ct) is { } first ? await Replay(store, first, caseId, fingerprint, ct) : null;

    static async Task<CommandOutcome?> Replay(IDocumentStore store, ProcessedCommand first, Guid? caseId, string? fingerprint, CancellationToken ct)
    {
        if (caseId is { } expected && first.StreamId != expected)
            return new CommandOutcome.Refused(IdempotencyKeys.Reused("This idempotency key was already used for another case."));
        if (first.Fingerprint is not null && fingerprint is not null && first.Fingerprint != fingerprint)
            return new CommandOutcome.Refused(IdempotencyKeys.Reused("This idempotency key was already used for a request with other content; use a new key for a new request."));
        return new CommandOutcome.Done(await new CaseEventStore(store).ReadStateAsync(first.StreamId, first.Version, ct), [], Replayed: true);
    }

    static CommandOutcome Refuse(Serilog.ILogger log, Guid id, string? trackingCode, CaseCommand command, CommandEnvelope env, DomainError error)
    {
        Logger(log, id, trackingCode, command, env).Information("{Command} refused: {Code} {Reason}", command.Name, error.Code, error.Message);
        return new CommandOutcome.Refused(error);
    }

    static Serilog.ILogger Logger(Serilog.ILogger log, Guid id, string? trackingCode, CaseCommand command, CommandEnvelope env) => log
        .ForContext("CaseId", id).ForContext("TrackingCode", trackingCode).ForContext("CorrelationId", env.CorrelationId)
        .ForContext("Command", command.Name).ForContext("ActorRole", env.Actor.Role);

    // PostgreSQL keeps microseconds: truncating here makes the event's instant survive the round trip exactly.
    static Instant Now(IClock clock) => Instant.FromUnixTimeTicks(clock.GetCurrentInstant().ToUnixTimeTicks() / 10 * 10);
}

/// <summary>What the write side is told at start-up. The seeder turns deadlines off: its cases run on a simulated clock.</summary>
public sealed record CaseWriteOptions(bool ScheduleDeadlines = true)
{
    /// <summary>The province's tracking-code prefix (<c>Province:TrackingPrefix</c>).</summary>
    public string TrackingPrefix { get; init; } = "HUE";

    /// <summary>What notifications planning decides with (issue 22); off when deadlines are (the seeder).</summary>
    public Notifications.NotificationOptions Notifications { get; init; } = new() { Enabled = ScheduleDeadlines };
}
