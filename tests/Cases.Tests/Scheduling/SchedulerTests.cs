using NodaTime.Testing;
using Cases.Domain;
using Cases.Handlers;
using Cases.Scheduling;
using Cases.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Wolverine;
using static Cases.Domain.CaseCommand;

namespace Cases.Tests.Scheduling;

/// <summary>
/// Deadlines are Wolverine scheduled messages, stored in PostgreSQL in the same transaction as the events that
/// start or move a clock; when one fires it runs through the same workflow, and a superseded one appends nothing.
/// </summary>
public class SchedulerTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>, IAsyncLifetime
{
    static readonly Actor Operator = new("op-1", Role.Operator);
    static readonly Actor Agency = new("key-a", Role.Agency, "agency-a");
    // Real time at the start: Wolverine fires scheduled messages by the real clock, so the deadlines the handlers
    // schedule must lie ahead of it; tests move this clock past a due time and deliver the message themselves.
    readonly FakeClock clock = new(SystemClock.Instance.GetCurrentInstant());
    WriteSideHost host = null!;

    public async Task InitializeAsync() => host = await WriteSideHost.StartAsync(db.DataSource, clock);
    public async Task DisposeAsync() => await host.DisposeAsync();

    static CommandEnvelope As(Actor a) => new(a, "corr-sched");

    static async Task<CaseState> InProgress(CaseCommands h)
    {
        var id = ((CommandOutcome.Done)await h.SubmitAsync(new CaseSubmission(CaseKind.FieldReport, Channel.Hotline, "traffic_infrastructure",
            "Ổ gà trên đường Hùng Vương", null, "Thuận Hóa", [], null), As(Operator))).State.Id;
        await h.HandleAsync(id, new VerifyCase(null), As(Operator));
        await h.HandleAsync(id, new AssignCase("agency-a", []), As(Operator));
        return ((CommandOutcome.Done)await h.HandleAsync(id, new AcceptAssignment(), As(Agency))).State;
    }

    /// <summary>How many deadline messages for this case wait in Wolverine's durable inbox, holding every one of <paramref name="texts"/>.</summary>
    Task<long> Scheduled(Guid caseId, params string[] texts) => db.ScalarAsync<long>("""
        select count(*) from wolverine.wolverine_incoming_envelopes
        where status = 'Scheduled' and message_type like '%ScheduledMessage%'
          and (select bool_and(position(convert_to(t, 'UTF8') in body) > 0) from unnest($1::text[]) t)
        """, (object)texts.Prepend(caseId.ToString()).ToArray())!;

    async Task<List<string>> EventTypes(Guid id) => [.. (await host.Store.ReadStreamAsync(id)).Select(e => e.Type)];

    Task Fire(ScheduledMessage m) => host.Services.GetRequiredService<IMessageBus>().InvokeAsync(m);

    [Fact]
    public async Task Starting_a_clock_stores_its_warning_and_breach_with_the_events()
    {
        var state = await InProgress(host.Commands);
        var (timer, due) = state.RunningClock!.Value;
        var dueText = NodaTime.Text.InstantPattern.ExtendedIso.Format(due);
        Assert.Equal(1, await Scheduled(state.Id, ScheduledMessage.Breached, dueText));
        Assert.Equal(1, await Scheduled(state.Id, ScheduledMessage.Approaching, dueText));
        // Superseded messages for the verify clock stay scheduled; they fire and do nothing (next test).
        Assert.Equal(SlaTimer.Resolve, timer);
    }

    [Fact]
    public async Task A_due_breach_fires_once_even_when_delivered_twice()
    {
        var state = await InProgress(host.Commands);
        var (timer, due) = state.RunningClock!.Value;
        var breach = ScheduledMessage.Deadline(state.Id, timer, due, due, breached: true);
        clock.Reset(due + Duration.FromMinutes(1));
        await Fire(breach);
        await Fire(breach);
        Assert.Single(await EventTypes(state.Id), t => t == "deadline_breached");
    }

    [Fact]
    public async Task A_deadline_superseded_by_an_extension_fires_and_appends_nothing()
    {
        var state = await InProgress(host.Commands);
        var (timer, due) = state.RunningClock!.Value;
        Assert.IsType<CommandOutcome.Done>(await host.Commands.HandleAsync(state.Id, new GrantExtension(due + Duration.FromDays(7), "cần thêm vật tư"), As(Operator)));
        var events = await EventTypes(state.Id);
        clock.Reset(due + Duration.FromMinutes(1));
        await Fire(ScheduledMessage.Deadline(state.Id, timer, due, due, breached: true));
        Assert.Equal(events, await EventTypes(state.Id));
    }

    [Fact]
    public async Task A_deadline_scheduled_before_a_restart_fires_after_it()
    {
        var state = await InProgress(host.Commands);
        var (timer, due) = state.RunningClock!.Value;
        clock.Reset(due + Duration.FromMinutes(1));
        var breach = ScheduledMessage.Deadline(state.Id, timer, due, due, breached: true);
        // Scheduled on this node for two seconds from now, then the node stops before it fires.
        await host.Services.GetRequiredService<IMessageBus>().ScheduleAsync(breach, DateTimeOffset.UtcNow.AddSeconds(2));
        await host.DisposeAsync();

        host = await WriteSideHost.StartAsync(db.DataSource, clock);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await EventTypes(state.Id)).Contains("deadline_breached"))
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("The scheduled breach did not fire within 60 s of the restart.");
            await Task.Delay(100);
        }
        Assert.Single(await EventTypes(state.Id), t => t == "deadline_breached");
    }

    [Fact]
    public async Task With_two_nodes_on_one_database_a_due_deadline_fires_once()
    {
        await using var other = await WriteSideHost.StartAsync(db.DataSource, clock);
        var state = await InProgress(host.Commands);
        var (timer, due) = state.RunningClock!.Value;
        clock.Reset(due + Duration.FromMinutes(1));
        var breach = ScheduledMessage.Deadline(state.Id, timer, due, due, breached: true);
        // Scheduled through one node and through the other, as two nodes racing on the same clock would.
        await host.Services.GetRequiredService<IMessageBus>().ScheduleAsync(breach, DateTimeOffset.UtcNow.AddSeconds(1));
        await other.Services.GetRequiredService<IMessageBus>().ScheduleAsync(breach, DateTimeOffset.UtcNow.AddSeconds(1));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        // Until both copies have left the schedule (the handler's own, due in 40 hours, stays) and the breach is there.
        while (await db.ScalarAsync<long>("""
            select count(*) from wolverine.wolverine_incoming_envelopes
            where status = 'Scheduled' and execution_time < now() + interval '1 hour'
              and message_type like '%ScheduledMessage%' and position(convert_to($1, 'UTF8') in body) > 0
            """, state.Id.ToString()) > 0 || !(await EventTypes(state.Id)).Contains("deadline_breached"))
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("The breach did not fire on either node within 60 s.");
            await Task.Delay(100);
        }
        Assert.Single(await EventTypes(state.Id), t => t == "deadline_breached");
    }

    [Fact]
    public async Task An_unanswered_request_for_information_expires_and_closes_the_case()
    {
        var state = await InProgress(host.Commands);
        var asked = (CommandOutcome.Done)await host.Commands.HandleAsync(state.Id, new RequestInformation("Xin ảnh chụp vị trí"), As(Agency));
        var replyDue = asked.State.InformationReplyDueAt!.Value;
        clock.Reset(replyDue + Duration.FromMinutes(1));
        await Fire(ScheduledMessage.Expiry(state.Id, replyDue));
        Assert.Equal("information_request_expired", (await EventTypes(state.Id))[^1]);
    }
}
