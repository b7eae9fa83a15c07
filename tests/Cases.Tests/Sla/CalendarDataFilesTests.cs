using Cases.Sla;
using NodaTime;

namespace Cases.Tests.Sla;

/// <summary>The shipped holiday files say what the official announcements say.</summary>
public class CalendarDataFilesTests
{
    [Fact]
    public void The_2025_file_lists_the_official_days_off_and_the_make_up_saturday()
    {
        var year = SlaData.Year(2025);

        Assert.Equal("2025.1", year.Version);
        Assert.Equal(
            Dates("2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-04-07",
                "2025-04-30", "2025-05-01", "2025-05-02", "2025-09-01", "2025-09-02"),
            year.Holidays.Keys.Order());
        Assert.Equal(Dates("2025-04-26"), year.Workdays.Keys.Order());
    }

    [Fact]
    public void The_2026_file_lists_the_official_days_off_and_the_make_up_saturdays()
    {
        var year = SlaData.Year(2026);

        Assert.Equal("2026.1", year.Version);
        Assert.Equal(
            Dates("2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
                "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02"),
            year.Holidays.Keys.Order());
        Assert.Equal(Dates("2026-01-10", "2026-08-22"), year.Workdays.Keys.Order());
    }

    [Fact]
    public void The_2027_file_lists_the_statutory_days_and_marks_what_awaits_the_official_notice_as_provisional()
    {
        var year = SlaData.Year(2027);

        Assert.Equal("2027.1", year.Version);
        Assert.Equal(
            Dates("2027-01-01", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-04-16",
                "2027-04-30", "2027-05-03", "2027-09-02", "2027-09-03"),
            year.Holidays.Keys.Order());
        Assert.Empty(year.Workdays);
        // Fixed by the Labour Code itself: New Year, 30 April, 1 May's Monday, 2 September.
        Assert.Equal(Dates("2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11", "2027-04-16", "2027-09-03"), year.Provisional.Order());
        Assert.Equal(CalendarDayKind.Compensatory, year.Kinds[new LocalDate(2027, 5, 3)]);
        Assert.Equal(CalendarDayKind.Compensatory, year.Kinds[new LocalDate(2027, 2, 10)]);
        Assert.Equal(CalendarDayKind.Holiday, year.Kinds[new LocalDate(2027, 1, 1)]);
        // Vietnamese Culture Day is not a day off as the law stands (see the file's header).
        Assert.False(year.Holidays.ContainsKey(new LocalDate(2027, 11, 24)));
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Every_make_up_day_is_a_saturday_and_every_holiday_a_weekday(int calendarYear)
    {
        var year = SlaData.Year(calendarYear);

        Assert.All(year.Workdays.Keys, d => Assert.Equal(IsoDayOfWeek.Saturday, d.DayOfWeek));
        Assert.All(year.Holidays.Keys, d => Assert.InRange((int)d.DayOfWeek, (int)IsoDayOfWeek.Monday, (int)IsoDayOfWeek.Friday));
    }

    [Fact]
    public void The_embedded_files_are_the_files_in_the_source_tree()
    {
        // Fails until Cases.csproj has <EmbeddedResource Include="Sla/Data/**" />.
        var embedded = WorkingCalendar.LoadEmbeddedYears();

        Assert.Equal([2025, 2026, 2027], embedded.Select(y => y.Year));
        Assert.All(embedded, y =>
        {
            var source = SlaData.Year(y.Year);
            Assert.Equal(source.Version, y.Version);
            Assert.Equal(source.Holidays, y.Holidays);
            Assert.Equal(source.Workdays, y.Workdays);
        });
        Assert.Equal("2025.1+2026.1+2027.1", WorkingCalendar.LoadEmbedded(UncoveredYears.Refuse).CalendarVersion);
    }

    private static LocalDate[] Dates(params string[] isoDates) =>
        isoDates.Select(d => NodaTime.Text.LocalDatePattern.Iso.Parse(d).Value).ToArray();
}
