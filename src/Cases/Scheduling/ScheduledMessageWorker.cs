using System.Text.Json;
using Cases.EventStore;
using Cases.Workflow;
using Npgsql;
using NodaTime;
using Serilog;

namespace Cases.Scheduling;

/// <summary>How the worker claims and retries. Defaults suit production; tests shorten them.</summary>
public sealed record SchedulerOptions
{
    public int BatchSize { get; init; } = 50;
    public int MaxAttempts { get; init; } = 5;
    /// <summary>How long a claim lasts: a worker that dies mid-run leaves the message to be claimed again after it.</summary>
    public TimeSpan ClaimDuration { get; init; } = TimeSpan.FromSeconds(60);
    public TimeSpan RetryBase { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Runs due scheduled messages on every node (DESIGN 4). Each claim takes rows with FOR UPDATE SKIP LOCKED
/// and marks them claimed until a deadline, so workers never share a message; each message runs through the
/// normal command workflow with an idempotency key derived from its id, so a message that runs twice (a claim
/// that expired while its first run was still finishing) appends once. Failures are retried with growing
/// back-off and, after <see cref="SchedulerOptions.MaxAttempts"/>, moved to cases.dead_letters with the error.
/// </summary>
public sealed class ScheduledMessageWorker(NpgsqlDataSource db, CaseCommandHandler handler, IClock clock, ILogger log, SchedulerOptions? options = null)
{
    readonly SchedulerOptions options = options ?? new SchedulerOptions();

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            int ran;
            try { ran = await RunDueAsync(ct); }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                log.Warning(e, "Scheduler could not reach the database; retrying");
                ran = 0;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { break; }
            if (ran == 0)
                try { await Task.Delay(options.PollInterval, ct); } catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Claims one batch of due messages and runs them; returns how many were claimed.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var claimed = await ClaimAsync(ct);
        foreach (var (rowId, message, attempts) in claimed)
        {
            ct.ThrowIfCancellationRequested();
            await RunOneAsync(rowId, message, attempts, ct);
        }
        return claimed.Count;
    }

    async Task<List<(Guid RowId, ScheduledMessage Message, int Attempts)>> ClaimAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            update cases.scheduled_messages m
            set locked_until = now() + $3, attempts = m.attempts + 1
            where m.id in (
                select id from cases.scheduled_messages
                where due_at <= $1 and (locked_until is null or locked_until < now())
                order by due_at
                limit $2
                for update skip locked)
            returning m.id, m.payload::text, m.attempts
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = clock.GetCurrentInstant().ToDateTimeUtc() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = options.BatchSize });
        cmd.Parameters.Add(new NpgsqlParameter { Value = options.ClaimDuration });
        var list = new List<(Guid, ScheduledMessage, int)>();
        var unreadable = new List<(Guid, int, string)>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                try { list.Add((r.GetGuid(0), JsonSerializer.Deserialize<ScheduledMessage>(r.GetString(1), EventJson.Options)!, r.GetInt32(2))); }
                catch (JsonException e) { unreadable.Add((r.GetGuid(0), r.GetInt32(2), $"unreadable payload: {e.Message}")); }
            }
        foreach (var (id, attempts, error) in unreadable) await FailAsync(id, attempts, error, ct);
        return list;
    }

    async Task RunOneAsync(Guid rowId, ScheduledMessage m, int attempts, CancellationToken ct)
    {
        var caseLog = log.ForContext("CaseId", m.StreamId).ForContext("CorrelationId", m.IdempotencyKey).ForContext("MessageType", m.Type);
        try
        {
            var outcome = await handler.HandleAsync(m.StreamId, m.ToCommand(),
                new CommandEnvelope(Domain.Actor.Scheduler, m.IdempotencyKey, IdempotencyKey: m.IdempotencyKey), ct);
            // A refusal (the case was closed meanwhile) is an answer, not a failure: nothing is left to do.
            if (outcome is CommandOutcome.Refused refused)
                caseLog.Information("Scheduled {MessageType} not applicable: {Code}", m.Type, refused.Error.Code);
            await DeleteAsync(rowId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            caseLog.Warning(e, "Scheduled {MessageType} failed (attempt {Attempt})", m.Type, attempts);
            await FailAsync(rowId, attempts, e.Message, ct);
        }
    }

    async Task FailAsync(Guid id, int attempts, string error, CancellationToken ct)
    {
        if (attempts >= options.MaxAttempts)
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            await using var batch = new NpgsqlBatch(conn)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("""
                        insert into cases.dead_letters (id, stream_id, type, payload, due_at, attempts, error)
                        select id, stream_id, type, payload, due_at, attempts, $2 from cases.scheduled_messages where id = $1
                        """) { Parameters = { new() { Value = id }, new() { Value = error } } },
                    new NpgsqlBatchCommand("delete from cases.scheduled_messages where id = $1") { Parameters = { new() { Value = id } } },
                },
            };
            await batch.ExecuteNonQueryAsync(ct); // one implicit transaction: moved, never lost or duplicated
            log.ForContext("MessageId", id).Error("Scheduled message moved to dead letters after {Attempts} attempts: {Error}", attempts, error);
            return;
        }
        var backoff = options.RetryBase * Math.Pow(2, attempts - 1);
        await using var cmd = db.CreateCommand("update cases.scheduled_messages set last_error = $2, locked_until = now() + $3 where id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = error });
        cmd.Parameters.Add(new NpgsqlParameter { Value = backoff });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("delete from cases.scheduled_messages where id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
