using System.Text.Json;
using Cases.Domain;
using Cases.EventStore;
using Cases.GraphQL.Seeding;
using Cases.Sla;

namespace Cases.GraphQL.Tests.Seeding;

public class DemoPlanTests
{
    static readonly WorkingCalendar Calendar = WorkingCalendar.LoadEmbedded(UncoveredYears.AssumeNoHolidays);

    static string Json(SeedOptions options) => JsonSerializer.Serialize(DemoPlan.Create(options, Calendar), EventJson.Options);

    [Fact]
    public void The_same_seed_plans_the_same_cases_and_another_seed_other_ones()
    {
        var options = new SeedOptions { Cases = 500, Seed = 3 };
        // Two independent plans from the same options: determinism, not a value compared with itself.
        var first = Json(options);
        var second = Json(options);
        Assert.Equal(first, second);
        Assert.NotEqual(Json(options), Json(options with { Seed = 4 }));
    }

    [Fact]
    public void Cases_arrive_over_the_year_before_now_fewer_at_weekends_and_at_Tet_more_in_the_flood_season()
    {
        var options = new SeedOptions { Cases = 4000, Seed = 1 };
        var plans = DemoPlan.Create(options, Calendar);
        Assert.All(plans, p => Assert.InRange(p.ReceivedAt, options.ReferenceNow - NodaTime.Duration.FromDays(366), options.ReferenceNow));
        Assert.Equal(plans.OrderBy(p => p.ReceivedAt).Select(p => p.Index), plans.Select(p => p.Index));

        var reports = plans.Where(p => p.Kind == CaseKind.FieldReport).Select(p => p.ReceivedAt.InZone(WorkingCalendar.Zone).Date).ToList();
        double PerDay(Func<NodaTime.LocalDate, bool> which, int days) => (double)reports.Count(which) / days;
        var weekday = PerDay(d => d.DayOfWeek < NodaTime.IsoDayOfWeek.Saturday, 261);
        var weekend = PerDay(d => d.DayOfWeek >= NodaTime.IsoDayOfWeek.Saturday, 104);
        Assert.True(weekend < 0.75 * weekday, $"weekend {weekend:F1}/day, weekday {weekday:F1}/day");
        var tet = PerDay(d => d >= new NodaTime.LocalDate(2026, 2, 14) && d <= new NodaTime.LocalDate(2026, 2, 22), 9);
        Assert.True(tet < 0.5 * weekend, $"Tết {tet:F1}/day");
        var october = PerDay(d => d.Month == 10, 31);
        var march = PerDay(d => d.Month == 3 && d.Year == 2026, 31);
        Assert.True(october > 1.4 * march, $"October {october:F1}/day, March {march:F1}/day");
    }

    [Fact]
    public void Dossiers_at_the_desk_arrive_in_working_time_and_cases_lie_in_the_province()
    {
        var plans = DemoPlan.Create(new SeedOptions { Cases = 1000, Seed = 2 }, Calendar);
        Assert.All(plans.Where(p => p.Channel == Channel.Desk), p => Assert.True(Calendar.IsWorkingTime(p.ReceivedAt)));
        Assert.All(plans.Where(p => p.Location is not null), p =>
        {
            Assert.InRange(p.Location!.Latitude, 16.0, 16.75);
            Assert.InRange(p.Location.Longitude, 107.0, 108.2);
        });
        Assert.All(plans, p => Assert.Contains(p.Lead, Agencies.All.Select(a => a.Id)));
        Assert.All(plans, p => Assert.Contains(p.OtherAgency, Agencies.All.Select(a => a.Id)));
    }

    [Theory]
    [InlineData(11, "2026-11-20T09:00:00+07:00")]
    [InlineData(12, "2026-03-01T20:00:00+07:00")]
    public void Every_planned_lifecycle_is_one_the_rules_accept(int seed, string now)
    {
        var sla = SlaRules.LoadEmbedded();
        var options = new SeedOptions { Cases = 3000, Seed = seed, ReferenceNow = NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(now).Value.ToInstant() };
        // Simulate throws on the first command the decider refuses.
        var lifecycles = DemoPlan.Create(options, sla.Calendar).Select(p => new CaseScript(p, sla).Simulate(options.ReferenceNow)).ToList();
        Assert.All(lifecycles, steps => Assert.IsType<CaseCommand.SubmitCase>(steps[0].Step.Command));
        Assert.All(lifecycles, steps => Assert.All(steps, s => Assert.True(s.Step.At <= options.ReferenceNow)));
        Assert.Contains(lifecycles, steps => steps.Any(s => s.Step.Command is CaseCommand.IssueApology));
        Assert.Contains(lifecycles, steps => steps.Any(s => s.Step.Command is CaseCommand.ReopenCase));
    }

    [Fact]
    public void Wards_lie_in_the_province_and_agency_ids_are_unique()
    {
        Assert.InRange(Wards.All.Count, 35, 50);
        Assert.All(Wards.All, w => { Assert.InRange(w.Latitude, 16.0, 16.75); Assert.InRange(w.Longitude, 107.0, 108.2); });
        Assert.Equal(Agencies.All.Count, Agencies.All.Select(a => a.Id).Distinct().Count());
        Assert.Equal(Wards.All.Count, Wards.All.Select(w => w.Name).Distinct().Count());
    }
}
