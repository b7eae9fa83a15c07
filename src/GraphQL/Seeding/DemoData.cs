using Cases.Domain;
using Cases.EventStore;
using Cases.Scheduling;
using Cases.Sla;
using Cases.Workflow;
using Npgsql;
using NodaTime;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// Realistic demo data (DESIGN 8, <c>seed</c>): the agencies as reference rows, then a year of cases driven
/// through the real command handler, never by writing events directly. Every command runs at the instant its
/// case's script planned (<see cref="SeedClock"/>); steps run in time order across all cases, a few cases at
/// a time, so the store's <c>occurred_at</c> order is the order things happened.
/// </summary>
public static class DemoData
{
    /// <summary>The handler the seeder drives: the real one, with the embedded SLA rules, the deadline outbox and the seed's clock.</summary>
    public static CaseCommandHandler CreateHandler(NpgsqlDataSource db, SeedClock clock, Serilog.ILogger log)
    {
        var sla = SlaRules.LoadEmbedded();
        return new CaseCommandHandler(new CaseEventStore(db), sla, clock, log, new DeadlineOutbox(sla));
    }

    /// <summary>
    /// Seeds <see cref="SeedOptions.Cases"/> cases through <paramref name="handler"/>, which must read its time from
    /// <paramref name="clock"/> (see <see cref="CreateHandler"/>). Agencies are upserted, so running it again only
    /// adds cases. A refused command means the demo script and the rules disagree: it throws.
    /// </summary>
    public static async Task<SeedSummary> SeedAsync(
        NpgsqlDataSource db, CaseCommandHandler handler, SeedClock clock, SeedOptions options,
        IProgress<SeedProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1);
        await UpsertAgenciesAsync(db, ct);

        // The same calendar the handler's SLA rules use: it only times the actors' steps; due times come from the events.
        var calendar = WorkingCalendar.LoadEmbedded(UncoveredYears.AssumeNoHolidays);
        var scripts = DemoPlan.Create(options, calendar).Select(p => new CaseScript(p, calendar)).ToArray();
        var ids = scripts.Select(_ => new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var queue = new PriorityQueue<(CaseScript Script, Step Step), (Instant, int)>();
        var (done, commands) = (0, 0L);
        void Schedule(CaseScript s)
        {
            if (s.Next() is { } step && step.At <= options.ReferenceNow) queue.Enqueue((s, step), (step.At, s.Plan.Index));
            else progress?.Report(new SeedProgress(++done, scripts.Length, commands));
        }
        foreach (var s in scripts) Schedule(s);

        // The earliest pending step goes next; a case has at most one step pending or running, so its own
        // commands stay in order while up to Parallelism cases advance together.
        var running = new List<Task<CaseScript>>();
        try
        {
            while (queue.Count > 0 || running.Count > 0)
            {
                while (running.Count < options.Parallelism && queue.TryDequeue(out var next, out _))
                    running.Add(RunAsync(next.Script, next.Step));
                var finished = await Task.WhenAny(running);
                running.Remove(finished);
                commands++;
                Schedule(await finished);
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
        return SeedSummary.From(scripts.Select(s => (IReadOnlyList<CaseEvent>)s.Events), options.ReferenceNow, Agencies.All.Count);

        async Task<CaseScript> RunAsync(CaseScript script, Step step)
        {
            clock.Set(step.At);
            var env = new CommandEnvelope(step.Actor, $"seed-{options.Seed}-{script.Plan.Index}-{script.State.Version}");
            CommandOutcome outcome;
            if (step.Command is CaseCommand.SubmitCase)
                outcome = await handler.SubmitAsync(script.Submission, env, failed.Token);
            else
            {
                var command = step.MasterIndex is { } master
                    ? new CaseCommand.LinkDuplicate(await ids[master].Task.WaitAsync(failed.Token))
                    : step.Command;
                outcome = await handler.HandleAsync(script.State.Id, command, env, failed.Token);
            }
            if (outcome is CommandOutcome.Refused refused)
                throw new InvalidOperationException(
                    $"seed: case #{script.Plan.Index} ({script.Plan.Kind}, {script.Plan.Category}) refused {step.Command.Name} at {step.At}: {refused.Error.Code} {refused.Error.Message}");
            var accepted = (CommandOutcome.Done)outcome;
            script.Record(step, accepted);
            if (step.Command is CaseCommand.SubmitCase) ids[script.Plan.Index].SetResult(accepted.State.Id);
            return script;
        }
    }

    /// <summary>Writes <see cref="Agencies.All"/> to cases.agencies, updating rows that exist (idempotent).</summary>
    public static async Task UpsertAgenciesAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(conn);
        foreach (var a in Agencies.All)
        {
            var cmd = new NpgsqlBatchCommand("""
                insert into cases.agencies (id, name, name_en, kind, ward) values ($1, $2, $3, $4, $5)
                on conflict (id) do update set name = excluded.name, name_en = excluded.name_en, kind = excluded.kind, ward = excluded.ward
                """);
            foreach (var v in new object?[] { a.Id, a.Name, a.NameEn, a.Kind, a.Ward })
                cmd.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            batch.BatchCommands.Add(cmd);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }
}
