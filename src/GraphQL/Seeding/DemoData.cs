using System.Runtime.ExceptionServices;
using Cases.Domain;
using Cases.EventStore;
using Cases.Sla;
using Cases.Handlers;
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
    /// <summary>
    /// Seeds <see cref="SeedOptions.Cases"/> cases through <paramref name="handler"/>, which must read its time from
    /// <paramref name="clock"/> and use the embedded SLA rules (see <see cref="SeedHost"/>). Agencies are
    /// upserted, so running it again only adds cases. Each case's lifecycle is simulated with the pure decider
    /// first; then every step of every case is sent in time order, up to <see cref="SeedOptions.Parallelism"/> at
    /// once, a case's own steps one after the other. A refusal, or an outcome other than the simulated one, throws.
    /// With <paramref name="photos"/>, a few reports carry real photos (<see cref="DemoPhotos"/>).
    /// </summary>
    public static async Task<SeedSummary> SeedAsync(
        NpgsqlDataSource db, CaseCommands handler, SeedClock clock, SeedOptions options,
        IProgress<SeedProgress>? progress = null, CancellationToken ct = default, DemoPhotos? photos = null, SlaRules? rules = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Cases);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1);
        await UpsertAgenciesAsync(db, ct);

        // The rules the handlers count with (a province's own catalogue and week), so the scripts' times agree with theirs.
        var sla = rules ?? SlaRules.LoadEmbedded();
        var plans = DemoPlan.Create(options, sla.Calendar);
        if (photos is not null) plans = await photos.AttachAsync(plans, ct);
        var runs = plans.Select(p => new CaseRun(new CaseScript(p, sla), options.ReferenceNow)).ToArray();
        var ordered = runs.SelectMany(r => r.Steps.Select((s, n) => (Run: r, Number: n)))
            .OrderBy(x => x.Run.Steps[x.Number].Step.At).ThenBy(x => x.Run.Script.Plan.Index).ThenBy(x => x.Number);

        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var slots = new SemaphoreSlim(options.Parallelism);
        var gate = new Lock();
        var (done, commands) = (0, 0L);
        Exception? failure = null;
        foreach (var _ in runs.Where(r => r.Steps.Count == 0)) progress?.Report(new SeedProgress(++done, runs.Length, 0));
        var running = new List<Task>();
        foreach (var (run, number) in ordered)
        {
            try { await slots.WaitAsync(failed.Token); }
            catch (OperationCanceledException) { break; }
            var previous = run.Previous;
            run.Previous = RunAsync(run, number, previous);
            running.Add(run.Previous);
        }
        await Task.WhenAll(running);
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        ct.ThrowIfCancellationRequested();
        return SeedSummary.From(runs.Select(r => (IReadOnlyList<CaseEvent>)r.Events), options.ReferenceNow, Agencies.All.Count);

        // Never throws: the first failure is kept, and stops everything after it.
        async Task RunAsync(CaseRun run, int number, Task previous)
        {
            try
            {
                await previous;
                if (failure is not null) return;
                await SendAsync(run, number);
                lock (gate)
                {
                    commands++;
                    if (number == run.Steps.Count - 1) progress?.Report(new SeedProgress(++done, runs.Length, commands));
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
                await failed.CancelAsync();
            }
            finally
            {
                slots.Release();
            }
        }

        async Task SendAsync(CaseRun run, int number)
        {
            var (step, status, version) = run.Steps[number];
            clock.Set(step.At);
            var actor = step.Actor.Role == Role.Citizen ? step.Actor with { Id = $"citizen:{run.TrackingCode}" } : step.Actor;
            var env = new CommandEnvelope(actor, $"seed-{options.Seed}-{run.Script.Plan.Index}-{number}");
            var outcome = step.Command is CaseCommand.SubmitCase
                ? await handler.SubmitAsync(run.Script.Submission, env, failed.Token)
                : await handler.HandleAsync(await run.Id.Task, step.MasterIndex is { } master
                    ? new CaseCommand.LinkDuplicate(await runs[master].Id.Task.WaitAsync(failed.Token))
                    : step.Command, env, failed.Token);
            if (outcome is not CommandOutcome.Done { Replayed: false } accepted)
                throw new InvalidOperationException($"seed: case #{run.Script.Plan.Index} {step.Command.Name} at {step.At}: {outcome}");
            if (accepted.State.Status != status || accepted.State.Version != version)
                throw new InvalidOperationException(
                    $"seed: case #{run.Script.Plan.Index} {step.Command.Name} left it {accepted.State.Status} v{accepted.State.Version}, not {status} v{version} as simulated");
            run.Events.AddRange(accepted.NewEvents);
            if (number == 0)
            {
                run.TrackingCode = accepted.State.TrackingCode;
                run.Id.SetResult(accepted.State.Id);
            }
        }
    }

    /// <summary>
    /// The same cases as <see cref="SeedAsync"/> for the same options, decided in memory by the pure decider and
    /// written with <see cref="BulkImport"/> (Marten's bulk append by binary COPY) instead of command by command: for
    /// data sets of 10^5 to 10^6 cases (benchmarks, load tests). What the workflow would also have written and
    /// this does not: idempotency keys, citizen secrets (nobody can act as the citizen of a bulk case) and
    /// deadline messages. Ids are version-7 uuids of the received instant; tracking numbers are reserved from the
    /// same sequence the handler uses.
    /// </summary>
    public static async Task<SeedSummary> BulkSeedAsync(
        NpgsqlDataSource db, SeedOptions options, IProgress<SeedProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Cases);
        await UpsertAgenciesAsync(db, ct);
        var sla = SlaRules.LoadEmbedded();
        var plans = DemoPlan.Create(options, sla.Calendar);
        var summary = new SeedSummary.Builder();
        if (plans.Count == 0) return summary.Build(options.ReferenceNow, Agencies.All.Count);

        var ids = plans.Select(p => Guid.CreateVersion7(p.ReceivedAt.ToDateTimeOffset())).ToArray();
        long last;
        await using (var reserve = db.CreateCommand("select setval('cases.tracking_numbers', nextval('cases.tracking_numbers') + $1 - 1)"))
        {
            reserve.Parameters.Add(new NpgsqlParameter { Value = (long)plans.Count });
            last = (long)(await reserve.ExecuteScalarAsync(ct))!;
        }
        var first = last - plans.Count + 1;

        var cases = plans.AsParallel().AsOrdered().WithCancellation(ct).Select(plan =>
        {
            var code = CaseHandlers.TrackingCode(plan.ReceivedAt, first + plan.Index);
            var reporterRef = plan.Reporter is { } r && (r.Name ?? r.Phone ?? r.Email ?? r.Address) is not null ? Guid.CreateVersion7() : (Guid?)null;
            var imported = new CaseScript(plan, sla, ids[plan.Index]).Record(options.ReferenceNow, code, reporterRef, i => ids[i], $"bulk-{options.Seed}");
            summary.Add(imported.Events);
            return imported;
        });
        var total = plans.Count;
        await BulkImport.ImportAsync(db, cases,
            progress is null ? null : new Progress<ImportReport>(p => progress.Report(new SeedProgress((int)p.Cases, total, p.Events))), ct);
        return summary.Build(options.ReferenceNow, Agencies.All.Count);
    }

    /// <summary>One case on its way through the handler: its simulated steps, and what the store gave back.</summary>
    sealed class CaseRun(CaseScript script, Instant now)
    {
        public CaseScript Script { get; } = script;
        public IReadOnlyList<(Step Step, CaseStatus Status, long Version)> Steps { get; } = script.Simulate(now);
        public TaskCompletionSource<Guid> Id { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public string TrackingCode { get; set; } = "";
        public List<CaseEvent> Events { get; } = [];

        /// <summary>The case's latest step sent; the next one waits for it.</summary>
        public Task Previous { get; set; } = Task.CompletedTask;
    }

    /// <summary>Brings cases.agencies to the shipped map in force on the demo's reference day (idempotent).</summary>
    public static Task UpsertAgenciesAsync(NpgsqlDataSource db, CancellationToken ct = default) =>
        Cases.Places.MapLibrary.SyncAgenciesAsync(db, Cases.Places.MapLibrary.Embedded(),
            SeedOptions.DefaultReferenceNow.InZone(Cases.Sla.WorkingCalendar.Zone).Date, ct);
}
