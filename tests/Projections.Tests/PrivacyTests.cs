using NodaTime.Testing;
using Cases.Domain;
using Cases.Handlers;
using Cases.Testing;
using Serilog;
using static Cases.Domain.CaseCommand;

namespace Cases.Projections.Tests;

/// <summary>DESIGN 7: public views hold no personal data. The reporter's data goes in through the real write side.</summary>
public class PrivacyTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>
{
    static readonly ReporterContact Reporter = new("Trần Thị Zqxname", "+84 909 555 8181", "zqx.reporter@example.vn", "12 Ngõ Zqxaddress, Phú Hội");

    // Citizens type their contacts into descriptions: the default public summary must mask them (issue 14).
    static readonly string Typed = $"Rác tràn ra đường, gọi {Reporter.Phone} hoặc {Reporter.Email}";
    static readonly Guid Photo = Guid.Parse("0190b000-0000-7000-8000-00000000f070");

    [Fact]
    public async Task No_reporter_name_phone_or_email_appears_in_any_projections_table()
    {
        await using var node = Node.For(db);
        var clock = new FakeClock(TestTime.MondayMorning);
        var log = new LoggerConfiguration().CreateLogger();
        // The write side's own handlers, called as Wolverine calls them, on a Marten session each. Deadlines are
        // not scheduled here, so no message bus is needed.
        var options = new CaseWriteOptions(ScheduleDeadlines: false);
        async Task<CommandOutcome> Submit(CaseSubmission s, CommandEnvelope env)
        {
            await using var session = node.Store.LightweightSession();
            return await CaseHandlers.Handle(new SubmitCaseMessage(s, env), session, new Wolverine.TestMessageContext(), db.DataSource,
                new Cases.Sla.SlaRulesSource(FixedSlaRules.Instance), clock, options, log, CancellationToken.None);
        }
        async Task<CommandOutcome> Send(Guid id, CaseCommand command, CommandEnvelope env)
        {
            await using var session = node.Store.LightweightSession();
            return await CaseHandlers.Handle(new CaseCommandMessage(id, command, env), session, new Wolverine.TestMessageContext(),
                new Cases.Sla.SlaRulesSource(FixedSlaRules.Instance), clock, options, log, CancellationToken.None);
        }
        var citizen = new CommandEnvelope(new Actor("citizen", Role.Citizen), "corr-p");
        var op = new CommandEnvelope(new Actor("op-9", Role.Operator), "corr-p");
        var agency = new CommandEnvelope(new Actor("agent-3", Role.Agency, "so-tai-nguyen-moi-truong"), "corr-p");

        var ids = new List<Guid>();
        foreach (var category in new[] { "sanitation_environment", CaseDecider.MisconductCategory })
        {
            var submitted = await Submit(new CaseSubmission(
                CaseKind.FieldReport, Channel.Hotline, category, Typed, new GeoPoint(16.4637, 107.5909), "Thuận Hóa", [Photo.ToString()], Reporter), citizen);
            var id = Assert.IsType<CommandOutcome.Done>(submitted).State.Id;
            ids.Add(id);
            foreach (var (command, env) in new (CaseCommand, CommandEnvelope)[]
            {
                (new VerifyCase("ok"), op), (new AssignCase("so-tai-nguyen-moi-truong", []), op), (new AcceptAssignment(), agency),
                (new ResolveCase("Đã xử lý.", []), agency), (new RateCase(5, null), citizen),
            })
            {
                clock.Advance(NodaTime.Duration.FromHours(1));
                Assert.IsType<CommandOutcome.Done>(await Send(id, command, env));
            }
        }
        var reporterRef = await db.ScalarAsync<Guid>("select ref from cases.reporters where name = $1", Reporter.Name!);

        await node.StartDaemonAsync();
        await node.CaughtUpAsync();
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from projections.public_cases where case_id = any($1)", ids.ToArray()));
        // The summary and the photo are public, the contacts typed into the description are not.
        Assert.StartsWith("Rác tràn ra đường", await db.ScalarAsync<string>("select public_summary from projections.public_cases where case_id = any($1)", ids.ToArray()));
        var photos = await db.ScalarAsync<string[]>("select photos from projections.public_cases where case_id = any($1)", ids.ToArray());
        Assert.Equal([Photo.ToString()], photos!);

        var tables = await Rows.ReadAsync(db, "select tablename from pg_tables where schemaname = 'projections'");
        Assert.Contains(tables, t => (string)t["tablename"]! == "public_timeline");
        foreach (var table in tables.Select(t => (string)t["tablename"]!))
        foreach (var secret in new[] { "Zqxname", "555 8181", "5558181", "zqx.reporter", "Zqxaddress", reporterRef.ToString() })
            // The whole row as text: every column of every type.
            Assert.True(0L == await db.ScalarAsync<long>($"select count(*) from projections.{table} t where t::text ilike '%' || $1 || '%'", secret),
                $"projections.{table} holds '{secret}'");
    }
}
