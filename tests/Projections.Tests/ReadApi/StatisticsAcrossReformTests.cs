using Cases.Domain;
using Cases.Places;
using Cases.Projections.ReadApi;
using Cases.Testing;
using NodaTime;
using static Cases.Domain.CaseEvent;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.ReadApi;

/// <summary>
/// Issue 24: statistics by ward over a period spanning a reform (1 July 2025), as the units were and as they are now,
/// equal to figures counted by hand on a small fixed data set (its own database).
/// </summary>
public class StatisticsAcrossReformTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>, IAsyncLifetime
{
    // Two wards merge into Phú Xuân on 1 July; Kim Long continues under a new code (same name); agency A merges into B.
    static readonly AdministrativeMaps Maps = AdministrativeMaps.Build(
    [
        MapFile.Parse("map-a.txt", """
            version 2025.01
            effective 2025-01-01
            title Trước | Before
            basis 1/TEST | 2024-12-01 | test
            province hue | Huế | thành phố Huế | Huế City
            area hue | city | - | Huế | Huế | -
            area phu-hoi | ward | hue | Phú Hội | Phú Hội | 16.4668 107.5947
            area vinh-ninh | ward | hue | Vĩnh Ninh | Vĩnh Ninh | 16.4633 107.5858
            area kim-long | ward | hue | Kim Long | Kim Long | 16.4655 107.5480
            agency A | department | - | A | A
            agency B | department | - | B | B
            """.Replace("agency A |", "agency agency-a |").Replace("agency B |", "agency agency-b |")),
        MapFile.Parse("map-b.txt", """
            version 2025.07
            effective 2025-07-01
            title Sau | After
            basis 1675/NQ-UBTVQH15 | 2025-06-16 | sắp xếp
            province hue | Huế | thành phố Huế | Huế City
            area hue | city | - | Huế | Huế | -
            area phu-xuan | ward | hue | Phú Xuân | Phú Xuân | 16.4700 107.5800 | from phu-hoi, vinh-ninh
            area kim-long-2025 | ward | hue | Kim Long | Kim Long | 16.4655 107.5480 | from kim-long
            agency agency-b | department | - | B | B | from agency-a
            """),
    ], MapLibrary.HueBounds);

    static readonly LocalDate Today = new(2026, 12, 4);
    static readonly StatisticsPeriod MayToAugust = new(new YearMonth(2025, 5), new YearMonth(2025, 8));
    StatisticsQueries Queries => new(db.DataSource);

    static Instant Day(int month, int day) => Instant.FromUtc(2025, month, day, 2, 0); // 09:00 in Huế
    static readonly Duration H = Duration.FromHours(1);

    /// <summary>Received and resolved on the days given, in the ward given, by the agency given; late or on time.</summary>
    static CaseEvent[] Resolved(string ward, string agency, Instant received, Instant resolved, bool onTime, int? score = null) =>
    [
        Report(NewCode(), received, ward: ward), new CaseVerified(received + H, null),
        new CaseAssigned(received + 2 * H, agency, [], received + 40 * H, received + 4 * H, "p", "c"), new AssignmentAccepted(received + 3 * H, agency),
        new CaseResolved(resolved, agency, "Xong.", [], received + 40 * H, onTime),
        .. score is { } v ? new CaseEvent[] { new CaseRated(resolved + H, v, null, v >= 4) } : [],
    ];

    public async Task InitializeAsync()
    {
        if (await db.ScalarAsync<long>("select count(*) from cases.mt_events") > 0) return;
        await using var node = Node.For(db);
        var s = node.Streams;
        // Before the reform (May and June), in the old wards.
        await s.NewAsync(Resolved("Phú Hội", "agency-a", Day(5, 5), Day(5, 6), onTime: true, score: 5));
        await s.NewAsync(Resolved("Phú Hội", "agency-a", Day(6, 2), Day(6, 20), onTime: false));
        await s.NewAsync(Resolved("Vĩnh Ninh", "agency-a", Day(6, 3), Day(6, 4), onTime: true));
        await s.NewAsync(Resolved("Kim Long", "agency-b", Day(6, 9), Day(6, 10), onTime: true));
        // Received in June in Vĩnh Ninh, resolved late in July, after the reform.
        await s.NewAsync(Resolved("Vĩnh Ninh", "agency-b", Day(6, 25), Day(7, 8), onTime: false));
        // After the reform (July and August), in the new wards.
        await s.NewAsync(Resolved("Phú Xuân", "agency-b", Day(7, 14), Day(7, 15), onTime: true, score: 2));
        await s.NewAsync(Resolved("Phú Xuân", "agency-b", Day(8, 4), Day(8, 20), onTime: false));
        await s.NewAsync(Resolved("Kim Long", "agency-b", Day(8, 11), Day(8, 12), onTime: true));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    async Task<Dictionary<string, (long Resolved, long Late)>> ByWard(StatisticsUnits units, StatisticsPeriod? period = null) =>
        (await Queries.LateRatesAsync(period ?? MayToAugust, StatisticsGrouping.Ward, StatisticsUnitsOfTheMap.For(Maps, Today, StatisticsGrouping.Ward, units)))
            .Rows.ToDictionary(r => r.Group, r => (r.Resolved, r.ResolvedLate));

    [Fact]
    public async Task As_the_units_were_each_count_is_under_the_ward_of_its_month_and_the_former_Kim_Long_is_told_apart()
    {
        var rows = await ByWard(StatisticsUnits.Historical);
        Assert.Equal((2L, 1L), rows["Phú Hội"]);
        // Vĩnh Ninh: one resolved in June; the other resolved in July counts in July, when Vĩnh Ninh no longer existed,
        // under the last unit of that name (Vĩnh Ninh itself).
        Assert.Equal((2L, 1L), rows["Vĩnh Ninh"]);
        Assert.Equal((1L, 0L), rows["Kim Long (–2025-06-30)"]);
        Assert.Equal((1L, 0L), rows["Kim Long"]);
        Assert.Equal((2L, 1L), rows["Phú Xuân"]);
        Assert.Equal(5, rows.Count);
    }

    [Fact]
    public async Task As_the_units_are_now_the_series_is_continuous_under_the_successors()
    {
        var rows = await ByWard(StatisticsUnits.Current);
        // Phú Xuân = Phú Hội (2, 1 late) + Vĩnh Ninh (2, 1 late) + itself (2, 1 late).
        Assert.Equal((6L, 3L), rows["Phú Xuân"]);
        Assert.Equal((2L, 0L), rows["Kim Long"]);
        Assert.Equal(2, rows.Count);

        // Month by month the same ward exists on both sides of 1 July.
        var june = await ByWard(StatisticsUnits.Current, StatisticsPeriod.Month(2025, 6));
        var july = await ByWard(StatisticsUnits.Current, StatisticsPeriod.Month(2025, 7));
        Assert.Equal((2L, 1L), june["Phú Xuân"]);
        Assert.Equal((2L, 1L), july["Phú Xuân"]);
        var report = await Queries.LateRatesAsync(MayToAugust, StatisticsGrouping.Ward, StatisticsUnitsOfTheMap.For(Maps, Today, StatisticsGrouping.Ward, StatisticsUnits.Current));
        Assert.Contains("Units as they are now (CURRENT)", report.Definition);
        Assert.Equal(8, report.Total.Resolved); // regrouping moves counts, never adds or drops one
    }

    [Fact]
    public async Task By_agency_as_now_an_agency_merged_away_counts_under_its_successor()
    {
        var historical = (await Queries.LateRatesAsync(MayToAugust, StatisticsGrouping.Agency, StatisticsUnitsOfTheMap.For(Maps, Today, StatisticsGrouping.Agency, StatisticsUnits.Historical)))
            .Rows.ToDictionary(r => r.Group, r => r.Resolved);
        Assert.Equal((3L, 5L), (historical["agency-a"], historical["agency-b"]));
        var current = (await Queries.LateRatesAsync(MayToAugust, StatisticsGrouping.Agency, StatisticsUnitsOfTheMap.For(Maps, Today, StatisticsGrouping.Agency, StatisticsUnits.Current)))
            .Rows.ToDictionary(r => r.Group, r => r.Resolved);
        Assert.Equal(8L, Assert.Single(current).Value);
        Assert.Equal("agency-b", current.Keys.Single());
    }

    [Fact]
    public async Task Satisfaction_regroups_the_same_way()
    {
        var report = await Queries.SatisfactionAsync(MayToAugust, StatisticsGrouping.Ward, StatisticsUnitsOfTheMap.For(Maps, Today, StatisticsGrouping.Ward, StatisticsUnits.Current));
        var row = Assert.Single(report.Rows); // Phú Hội's rating (May) and Phú Xuân's (July), under Phú Xuân
        Assert.Equal(("Phú Xuân", 2L, 1L), (row.Group, row.Ratings, row.Satisfied));
        Assert.Equal(0.5, row.ShareSatisfied);
        Assert.Equal(2, report.Total.Ratings);
        var historical = await Queries.SatisfactionAsync(MayToAugust, StatisticsGrouping.Ward, StatisticsUnitsOfTheMap.For(Maps, Today, StatisticsGrouping.Ward, StatisticsUnits.Historical));
        Assert.Equal(["Phú Hội", "Phú Xuân"], historical.Rows.Select(r => r.Group));

        // By agency as now: agency-a's rating (May) and agency-b's (July) under agency-b.
        var agencies = await Queries.SatisfactionAsync(MayToAugust, StatisticsGrouping.Agency, StatisticsUnitsOfTheMap.For(Maps, Today, StatisticsGrouping.Agency, StatisticsUnits.Current));
        var merged = Assert.Single(agencies.Rows);
        Assert.Equal(("agency-b", 2L), (merged.Group, merged.Ratings));
    }
}
