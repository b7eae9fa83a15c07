using Cases.Domain;
using Cases.EventStore;
using Cases.Scheduling;
using Cases.Testing;
using Cases.Workflow;
using NodaTime;
using static Cases.Domain.CaseCommand;

namespace Cases.Tests.Scheduling;

/// <summary>Deadlines are noticed even if every node restarts: durable messages, claimed once, retried, dead-lettered.</summary>
public class SchedulerTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>
{
    static readonly Actor Operator = new("op-1", Role.Operator);
    static readonly Actor Agency = new("key-a", Role.Agency, "agency-a");
    readonly FakeClock clock = new(FakeClock.MondayMorning);

    CaseCommandHandler Handler() => new(new CaseEventStore(db.DataSource), FixedSlaRules.Instance, clock, Serilog.Core.Logger.None, new DeadlineOutbox(FixedSlaRules.Instance));
    ScheduledMessageWorker Worker(SchedulerOptions? options = null) => new(db.DataSource, Handler(), clock, Serilog.Core.Logger.None, options);
    static CommandEnvelope As(Actor a) => new(a, "corr-sched");

    async Task<CaseState> InProgress()
    {
        var h = Handler();
        var id = ((CommandOutcome.Done)await h.SubmitAsync(new CaseSubmission(CaseKind.FieldReport, Channel.Hotline, "traffic_infrastructure",
            "Ổ gà trên đường Hùng Vương", null, "Phú Nhuận", [], null), As(Operator))).State.Id;
        await h.HandleAsync(id, new VerifyCase(null), As(Operator));
        await h.HandleAsync(id, new AssignCase("agency-a", []), As(Operator));
        return ((CommandOutcome.Done)await h.HandleAsync(id, new AcceptAssignment(), As(Agency))).State;
    }

    Task<List<string>> Pending(Guid id) => Strings("select type from cases.scheduled_messages where stream_id = $1 order by due_at", id);
    Task<List<string>> EventTypes(Guid id) => Strings("select type from cases.events where stream_id = $1 order by version", id);

    async Task<List<string>> Strings(string sql, Guid id)
    {
        await using var cmd = db.DataSource.CreateCommand(sql);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(r.GetString(0));
        return list;
    }

    [Fact]
    public async Task Starting_a_clock_schedules_its_warning_and_breach_and_resolving_cancels_them()
    {
        var state = await InProgress();
        Assert.Equal([ScheduledMessage.Approaching, ScheduledMessage.Breached], await Pending(state.Id));
        await Handler().HandleAsync(state.Id, new ResolveCase("Đã vá", []), As(Agency));
        Assert.Empty(await Pending(state.Id));
    }

    [Fact]
    public async Task A_due_breach_fires_exactly_once_with_two_workers_running()
    {
        var state = await InProgress();
        clock.Now = state.DueAt!.Value + Duration.FromMinutes(1);
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(Task.Run(() => Worker().RunDueAsync()), Task.Run(() => Worker().RunDueAsync()));
        var types = await EventTypes(state.Id);
        Assert.Single(types, t => t == "deadline_breached");
        Assert.Single(types, t => t == "deadline_approaching");
        Assert.Empty(await Pending(state.Id));
    }

    [Fact]
    public async Task A_message_for_a_clock_that_was_paused_never_fires()
    {
        var state = await InProgress();
        await Handler().HandleAsync(state.Id, new RequestInformation("Vị trí chính xác?"), As(Agency));
        Assert.Equal([ScheduledMessage.InformationExpiry], await Pending(state.Id));
        clock.Now = state.DueAt!.Value + Duration.FromMinutes(1); // the old due time passes while paused
        await Worker().RunDueAsync();
        Assert.DoesNotContain("deadline_breached", await EventTypes(state.Id));
    }

    [Fact]
    public async Task An_unanswered_request_for_information_expires_and_closes_the_case()
    {
        var state = await InProgress();
        await Handler().HandleAsync(state.Id, new RequestInformation("Ảnh?"), As(Agency));
        clock.Advance(FixedSlaRules.Reply + Duration.FromMinutes(1));
        await Worker().RunDueAsync();
        Assert.Equal("information_request_expired", (await EventTypes(state.Id))[^1]);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_lands_in_dead_letters_with_its_error()
    {
        var state = await InProgress();
        var id = Guid.NewGuid();
        await db.ExecAsync("""
            insert into cases.scheduled_messages (id, stream_id, type, payload, due_at)
            values ($1, $2, 'deadline_breached', '{"id":"00000000-0000-0000-0000-000000000001","streamId":"00000000-0000-0000-0000-000000000001","type":"teleport","timer":null,"dueAt":"2026-01-01T00:00:00Z","targetDueAt":"2026-01-01T00:00:00Z"}', $3)
            """, id, state.Id, (clock.Now - Duration.FromMinutes(1)).ToDateTimeUtc());
        var worker = Worker(new SchedulerOptions { MaxAttempts = 3, RetryBase = TimeSpan.Zero });
        for (var i = 0; i < 3; i++) await worker.RunDueAsync();
        Assert.Equal(3, await db.ScalarAsync<int>("select attempts from cases.dead_letters where id = $1", id));
        Assert.Contains("teleport", await db.ScalarAsync<string>("select error from cases.dead_letters where id = $1", id));
        Assert.Null(await db.ScalarAsync<object>("select 1 from cases.scheduled_messages where id = $1", id));
    }

    [Fact]
    public async Task A_message_claimed_by_a_worker_that_died_is_run_again_after_the_claim_expires()
    {
        var state = await InProgress();
        clock.Now = state.DueAt!.Value + Duration.FromMinutes(1);
        // What a worker that claimed the messages and then died leaves behind.
        await db.ExecAsync("update cases.scheduled_messages set attempts = 1, locked_until = now() + interval '300 milliseconds' where stream_id = $1", state.Id);
        Assert.Equal(0, await Worker().RunDueAsync());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Pending(state.Id)).Count > 0 && DateTime.UtcNow < deadline)
        {
            await Worker().RunDueAsync();
            await Task.Delay(50);
        }
        Assert.Single(await EventTypes(state.Id), t => t == "deadline_breached");
    }
}
