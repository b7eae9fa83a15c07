using Cases.Sla;
using NodaTime;
using static Cases.Tests.Sla.SlaData;

namespace Cases.Tests.Sla;

/// <summary>A due time re-measured with a newer calendar keeps the working time it had left, counted with the new data.</summary>
public class RecomputeDueTests
{
    static readonly CalendarYear Y2028 = CalendarYearParser.Parse("calendar-2028.txt", new StringReader("""
        version 2028.1
        holiday 2028-01-03 New Year, compensatory for Saturday 1 January
        """));

    static readonly CalendarLibrary Before = CalendarLibrary.Embedded();
    static readonly SlaRules Old = SlaRules.For(Before, Policies()), New = SlaRules.For(Before.With(Y2028), Policies());

    [Fact]
    public void A_due_time_that_counted_an_uncovered_holiday_as_a_working_day_moves_by_that_day()
    {
        // Computed before 2028 was known: 15 working days from Monday 20 December 2027 end on Monday 10 January 2028,
        // counting Monday 3 January. With 2028.1 that day is off, so the same working time ends a day later.
        var due = Old.StatutoryDue("construction_permit", Hue(2027, 12, 20, 9, 0));
        Assert.Equal(Hue(2028, 1, 10, 17, 0), due);

        Assert.Equal(Hue(2028, 1, 11, 17, 0), New.RecomputeDue(due, Hue(2027, 12, 22, 9, 0), Old.CalendarVersion));
    }

    [Fact]
    public void A_due_time_the_new_data_does_not_touch_stays_to_the_minute()
    {
        var due = Old.ResolveDue("sanitation_environment", Cases.Domain.Priority.Normal, Hue(2027, 6, 1, 10, 17));

        Assert.Equal(due, New.RecomputeDue(due, Hue(2027, 6, 2, 9, 3), Old.CalendarVersion));
    }

    [Fact]
    public void A_due_time_already_past_or_of_an_unknown_calendar_stays()
    {
        var due = Old.StatutoryDue("construction_permit", Hue(2027, 12, 20, 9, 0));

        Assert.Equal(due, New.RecomputeDue(due, Hue(2028, 2, 1, 9, 0), Old.CalendarVersion));
        Assert.Equal(due, New.RecomputeDue(due, Hue(2027, 12, 22, 9, 0), "elapsed-time"));
    }

    [Fact]
    public void The_library_rebuilds_a_recorded_version_and_names_the_years_it_covered()
    {
        Assert.Equal("2025.1+2026.1+2027.1", Before.ForVersion("2025.1+2026.1+2027.1")!.CalendarVersion);
        Assert.Null(Before.ForVersion("2025.1+2026.9"));
        Assert.Equal([2025, 2026], CalendarLibrary.CoveredYears("2025.1+2026.1")!.Order());
        Assert.Empty(CalendarLibrary.CoveredYears("none")!);
        Assert.Null(CalendarLibrary.CoveredYears("elapsed-time"));
        Assert.Equal("2025.1+2026.1+2027.1+2028.1", New.CalendarVersion);
    }

    [Theory]
    [InlineData("2026-12-01", false, 395)]
    [InlineData("2027-09-02", false, 120)]
    [InlineData("2027-09-03", true, 119)]
    [InlineData("2028-02-01", true, 0)]
    public void Coverage_warns_when_the_calendar_reaches_less_than_120_days_ahead(string today, bool warning, int days)
    {
        var date = NodaTime.Text.LocalDatePattern.Iso.Parse(today).Value;
        var coverage = CalendarCoverage.Of(Before, date.AtMidnight().InZoneStrictly(WorkingCalendar.Zone).ToInstant());

        Assert.Equal(days, coverage.DaysCovered);
        Assert.Equal(warning, coverage.Warning);
        Assert.Contains(warning ? "import" : "covers", coverage.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Coverage_lists_the_provisional_days_still_ahead()
    {
        var coverage = CalendarCoverage.Of(Before, Hue(2027, 4, 1, 9, 0));

        Assert.Equal([new LocalDate(2027, 4, 16), new LocalDate(2027, 9, 3)], coverage.ProvisionalAhead.Select(p => p.Date));
    }
}
