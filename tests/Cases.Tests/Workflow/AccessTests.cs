using NodaTime.Testing;
using Cases.Access;
using Cases.Domain;
using Cases.EventStore;
using Cases.Testing;
using Cases.Handlers;
using NodaTime;

namespace Cases.Tests.Workflow;

public class AccessTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>
{
    readonly FakeClock clock = new(TestTime.MondayMorning);

    async Task Agency(string id) => await db.ExecAsync("insert into cases.agencies (id, name, kind) values ($1, $1, 'department') on conflict do nothing", id);

    [Fact]
    public async Task A_key_authenticates_as_its_role_and_agency_until_it_is_revoked_or_expires()
    {
        await Agency("so-giao-thong");
        var keys = new ApiKeys(db.DataSource, clock);
        var (info, key) = await keys.CreateAsync(Role.Agency, "so-giao-thong", "desk");
        Assert.StartsWith(ApiKeys.Prefix, key);
        var (actor, _) = await keys.AuthenticateAsync(key);
        Assert.Equal(new Actor($"key:{info.Id}", Role.Agency, "so-giao-thong"), actor);
        Assert.Equal(KeyRejection.Unknown, (await keys.AuthenticateAsync(key + "x")).Rejection);

        Assert.True(await keys.RevokeAsync(info.Id));
        Assert.Equal(KeyRejection.Revoked, (await keys.AuthenticateAsync(key)).Rejection);

        var (_, expiring) = await keys.CreateAsync(Role.Operator, null, "temp", clock.GetCurrentInstant() + Duration.FromHours(1));
        Assert.NotNull((await keys.AuthenticateAsync(expiring)).Actor);
        clock.Advance(Duration.FromHours(2));
        Assert.Equal(KeyRejection.Expired, (await keys.AuthenticateAsync(expiring)).Rejection);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        var (_, key) = await new ApiKeys(db.DataSource, clock).CreateAsync(Role.Auditor, null, "audit office");
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from cases.api_keys where encode(key_hash, 'escape') like '%' || $1 || '%'", key[3..]));
    }

    [Theory]
    [InlineData(Role.Agency, null)]
    [InlineData(Role.Operator, "so-giao-thong")]
    [InlineData(Role.Citizen, null)]
    [InlineData(Role.Agency, "no-such-agency")]
    public async Task A_key_for_a_wrong_role_or_agency_is_refused(Role role, string? agency)
    {
        await Agency("so-giao-thong");
        await Assert.ThrowsAsync<ArgumentException>(() => new ApiKeys(db.DataSource, clock).CreateAsync(role, agency, "x"));
    }

    [Fact]
    public async Task A_submission_returns_the_citizen_secret_once_and_only_its_holder_matches()
    {
        await using var host = await WriteSideHost.StartAsync(db.DataSource, clock, scheduleDeadlines: false);
        var handler = host.Commands;
        var env = new CommandEnvelope(new Actor("anon", Role.Public), "corr", IdempotencyKey: "secret-once");
        var first = (CommandOutcome.Done)await handler.SubmitAsync(new CaseSubmission(CaseKind.FieldReport, Channel.Web, "sanitation_environment", "Rác", new GeoPoint(16.4355, 107.5660), "Thủy Xuân", [], null), env);
        var again = (CommandOutcome.Done)await handler.SubmitAsync(new CaseSubmission(CaseKind.FieldReport, Channel.Web, "sanitation_environment", "Rác", new GeoPoint(16.4355, 107.5660), "Thủy Xuân", [], null), env);
        Assert.StartsWith(CitizenSecrets.Prefix, first.CitizenSecret);
        Assert.Null(again.CitizenSecret);

        var secrets = new CitizenSecrets(db.DataSource);
        Assert.True(await secrets.HoldsAsync(first.State.Id, first.CitizenSecret!));
        Assert.False(await secrets.HoldsAsync(first.State.Id, first.CitizenSecret! + "x"));
        Assert.False(await secrets.HoldsAsync(Guid.NewGuid(), first.CitizenSecret!));
    }
}
