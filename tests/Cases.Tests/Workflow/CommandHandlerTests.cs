using NodaTime.Testing;
using Cases.Domain;
using Cases.EventStore;
using Cases.Testing;
using Cases.Handlers;
using Npgsql;
using NodaTime;
using static Cases.Domain.CaseCommand;

namespace Cases.Tests.Workflow;

/// <summary>The command workflow on Marten and Wolverine: the real handlers, through <c>InvokeAsync</c>, on a real database.</summary>
public class CommandHandlerTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>, IAsyncLifetime
{
    static readonly Actor Operator = new("op-1", Role.Operator);
    static readonly Actor Agency = new("key-a", Role.Agency, "agency-a");
    readonly FakeClock clock = new(TestTime.MondayMorning);
    WriteSideHost host = null!;

    public async Task InitializeAsync() => host = await WriteSideHost.StartAsync(db.DataSource, clock, scheduleDeadlines: false);
    public async Task DisposeAsync() => await host.DisposeAsync();

    CaseCommands Handler() => host.Commands;

    static CommandEnvelope As(Actor actor, string? key = null, long? expected = null) => new(actor, "corr-test", IdempotencyKey: key, ExpectedVersion: expected);

    static CaseSubmission Report(ReporterContact? reporter = null) => new(
        CaseKind.FieldReport, Channel.App, "sanitation_environment", "Rác thải bốc mùi ở chợ Đông Ba", new GeoPoint(16.473, 107.588), "Phú Xuân", ["img-1"], reporter);

    async Task<CaseState> InProgress(CaseCommands h)
    {
        var id = Done(await h.SubmitAsync(Report(), As(Operator))).State.Id;
        await h.HandleAsync(id, new VerifyCase(null), As(Operator));
        await h.HandleAsync(id, new AssignCase("agency-a", []), As(Operator));
        return Done(await h.HandleAsync(id, new AcceptAssignment(), As(Agency))).State;
    }

    static CommandOutcome.Done Done(CommandOutcome o) => o as CommandOutcome.Done ?? throw new Xunit.Sdk.XunitException(o.ToString());
    static DomainError Refused(CommandOutcome o) => (o as CommandOutcome.Refused ?? throw new Xunit.Sdk.XunitException(o.ToString())).Error;
    Task<long> EventCount(Guid id) => db.ScalarAsync<long>("select count(*) from cases.mt_events where stream_id = $1", id)!;

    [Fact]
    public async Task A_submission_gets_a_tracking_code_and_its_reporter_data_stays_out_of_the_events()
    {
        var outcome = Done(await Handler().SubmitAsync(Report(new ReporterContact("Nguyễn Thị Hoa", "0905123456", "hoa@example.vn", "12 Lê Lợi")), As(new Actor("anon", Role.Public))));
        Assert.Matches(@"^HUE-2026-\d{6}$", outcome.State.TrackingCode);
        Assert.Equal(CaseStatus.Received, outcome.State.Status);
        var data = await db.ScalarAsync<string>("select string_agg(data::text || headers::text || coalesce(user_name, '') || coalesce(correlation_id, ''), '') from cases.mt_events where stream_id = $1", outcome.State.Id);
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

    [Fact]
    public async Task Every_event_carries_its_actor_command_and_correlation_and_the_chain_links_them()
    {
        var h = Handler();
        var state = await InProgress(h);
        var events = await host.Store.ReadStreamAsync(state.Id);
        // Verifying a report appends two events (the verification and the public summary), both under its command.
        Assert.Equal(["submitCase", "verifyCase", "verifyCase", "assignCase", "acceptAssignment"], events.Select(e => e.Metadata.Command));
        Assert.Equal(new EventMetadata("corr-test", null, "key-a", Role.Agency, "agency-a", "acceptAssignment"), events[^1].Metadata);
        Assert.True((await new ChainVerifier(db.DataSource).VerifyStreamAsync(state.Id)).Valid);
    }
}
