using Cases.Domain;
using Cases.EventStore;
using Cases.Testing;
using Cases.Workflow;
using Npgsql;
using NodaTime;
using static Cases.Domain.CaseCommand;

namespace Cases.Tests.Workflow;

public class CommandHandlerTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>
{
    static readonly Actor Operator = new("op-1", Role.Operator);
    static readonly Actor Agency = new("key-a", Role.Agency, "agency-a");
    readonly FakeClock clock = new(FakeClock.MondayMorning);

    CaseCommandHandler Handler(IOutbox? outbox = null, AppendNotifier? notifier = null) =>
        new(new CaseEventStore(db.DataSource, notifier), FixedSlaRules.Instance, clock, Serilog.Core.Logger.None, outbox);

    static CommandEnvelope As(Actor actor, string? key = null, long? expected = null) => new(actor, "corr-test", IdempotencyKey: key, ExpectedVersion: expected);

    static CaseSubmission Report(ReporterContact? reporter = null) => new(
        CaseKind.FieldReport, Channel.App, "sanitation_environment", "Rác thải bốc mùi ở chợ Đông Ba", new GeoPoint(16.473, 107.588), "Đông Ba", ["img-1"], reporter);

    async Task<CaseState> InProgress(CaseCommandHandler h)
    {
        var id = Done(await h.SubmitAsync(Report(), As(Operator))).State.Id;
        await h.HandleAsync(id, new VerifyCase(null), As(Operator));
        await h.HandleAsync(id, new AssignCase("agency-a", []), As(Operator));
        return Done(await h.HandleAsync(id, new AcceptAssignment(), As(Agency))).State;
    }

    static CommandOutcome.Done Done(CommandOutcome o) => o as CommandOutcome.Done ?? throw new Xunit.Sdk.XunitException(o.ToString());
    static DomainError Refused(CommandOutcome o) => (o as CommandOutcome.Refused ?? throw new Xunit.Sdk.XunitException(o.ToString())).Error;
    Task<long> EventCount(Guid id) => db.ScalarAsync<long>("select count(*) from cases.events where stream_id = $1", id)!;

    [Fact]
    public async Task A_submission_gets_a_tracking_code_and_its_reporter_data_stays_out_of_the_events()
    {
        var outcome = Done(await Handler().SubmitAsync(Report(new ReporterContact("Nguyễn Thị Hoa", "0905123456", "hoa@example.vn", "12 Lê Lợi")), As(new Actor("anon", Role.Public))));
        Assert.Matches(@"^HUE-2026-\d{6}$", outcome.State.TrackingCode);
        Assert.Equal(CaseStatus.Received, outcome.State.Status);
        var data = await db.ScalarAsync<string>("select string_agg(data::text || metadata::text, '') from cases.events where stream_id = $1", outcome.State.Id);
        foreach (var secret in new[] { "Nguyễn Thị Hoa", "0905123456", "hoa@example.vn", "12 Lê Lợi" }) Assert.DoesNotContain(secret, data);
        Assert.Equal("0905123456", await db.ScalarAsync<string>("select phone from cases.reporters where ref = $1", outcome.State.ReporterRef!.Value));
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_result_and_appends_nothing()
    {
        var h = Handler();
        var state = await InProgress(h);
        var first = Done(await h.HandleAsync(state.Id, new NoteProgress("Đã dọn"), As(Agency, "key-1")));
        var again = Done(await h.HandleAsync(state.Id, new NoteProgress("Đã dọn"), As(Agency, "key-1")));
        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.State.Version, again.State.Version);
        Assert.Equal(first.State.Version, await EventCount(state.Id));

        var submitted = Done(await h.SubmitAsync(Report(), As(Operator, "submit-1")));
        var resubmitted = Done(await h.SubmitAsync(Report(), As(Operator, "submit-1")));
        Assert.Equal(submitted.State.Id, resubmitted.State.Id);
        Assert.Equal(submitted.State.TrackingCode, resubmitted.State.TrackingCode);
    }

    [Fact]
    public async Task The_same_command_sent_twice_at_once_appends_once()
    {
        var h = Handler();
        var state = await InProgress(h);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => h.HandleAsync(state.Id, new NoteProgress("x"), As(Agency, "dup-key")))));
        Assert.All(outcomes, o => Done(o));
        Assert.Equal(state.Version + 1, await EventCount(state.Id));
    }

    [Fact]
    public async Task Concurrent_different_commands_without_an_expected_version_are_retried_and_all_land()
    {
        var h = Handler();
        var state = await InProgress(h);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Task.Run(() => h.HandleAsync(state.Id, new NoteProgress($"note {i}"), As(Agency)))));
        var done = outcomes.OfType<CommandOutcome.Done>().Count();
        // Three attempts each: with three writers at most two conflicts can hit any one of them.
        Assert.Equal(3, done);
        Assert.Equal(state.Version + 3, await EventCount(state.Id));
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_appends_nothing()
    {
        var h = Handler();
        var state = await InProgress(h);
        var error = Refused(await h.HandleAsync(state.Id, new NoteProgress("x"), As(Agency, expected: state.Version - 1)));
        Assert.Equal(DomainError.ConcurrencyConflict, error.Code);
        Assert.Equal(state.Version, await EventCount(state.Id));
        Done(await h.HandleAsync(state.Id, new NoteProgress("x"), As(Agency, expected: state.Version)));
    }

    [Fact]
    public async Task A_refused_command_appends_nothing_and_an_unknown_case_is_not_found()
    {
        var h = Handler();
        var state = await InProgress(h);
        Assert.Equal(DomainError.Forbidden, Refused(await h.HandleAsync(state.Id, new ResolveCase("x", []), As(new Actor("b", Role.Agency, "agency-b")))).Code);
        Assert.Equal(state.Version, await EventCount(state.Id));
        Assert.Equal(DomainError.NotFound, Refused(await h.HandleAsync(Guid.NewGuid(), new VerifyCase(null), As(Operator))).Code);
    }

    [Fact]
    public async Task An_idempotency_key_used_for_one_case_is_refused_for_another()
    {
        var h = Handler();
        var a = await InProgress(h);
        var b = await InProgress(h);
        Done(await h.HandleAsync(a.Id, new NoteProgress("x"), As(Agency, "shared")));
        Assert.Equal("idempotencyKey", Refused(await h.HandleAsync(b.Id, new NoteProgress("x"), As(Agency, "shared"))).Details["field"]);
    }

    sealed class RecordingOutbox(string sql) : IOutbox
    {
        public IEnumerable<NpgsqlBatchCommand> CommandsFor(CaseState before, CaseState after, IReadOnlyList<CaseEvent> events)
        {
            var cmd = new NpgsqlBatchCommand(sql);
            cmd.Parameters.Add(new NpgsqlParameter { Value = after.Id });
            cmd.Parameters.Add(new NpgsqlParameter { Value = after.Version });
            yield return cmd;
        }
    }

    [Fact]
    public async Task Outbox_statements_commit_with_the_events_or_not_at_all()
    {
        await db.ExecAsync("create table if not exists public.outbox_probe (case_id uuid, version bigint)");
        var ok = Handler(new RecordingOutbox("insert into public.outbox_probe values ($1, $2)"));
        var state = Done(await ok.SubmitAsync(Report(), As(Operator))).State;
        Assert.Equal(1L, await db.ScalarAsync<long>("select version from public.outbox_probe where case_id = $1", state.Id));

        var failing = Handler(new RecordingOutbox("insert into public.outbox_probe values ($1, $2 / 0)"));
        await Assert.ThrowsAsync<PostgresException>(() => failing.HandleAsync(state.Id, new VerifyCase(null), As(Operator)));
        Assert.Equal(1, await EventCount(state.Id));
    }

    [Fact]
    public async Task An_append_through_the_workflow_wakes_listeners_after_it_commits()
    {
        await using var listener = await db.DataSource.OpenConnectionAsync();
        var woken = new TaskCompletionSource();
        listener.Notification += (_, e) => { if (e.Channel == AppendNotifier.Channel) woken.TrySetResult(); };
        await using (var listen = new NpgsqlCommand($"listen {AppendNotifier.Channel}", listener)) await listen.ExecuteNonQueryAsync();

        Done(await Handler(notifier: new AppendNotifier(db.DataSource)).SubmitAsync(Report(), As(Operator)));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!woken.Task.IsCompleted) await listener.WaitAsync(deadline.Token); // throws if no wake-up comes
        Assert.True(woken.Task.IsCompleted);
    }
}
