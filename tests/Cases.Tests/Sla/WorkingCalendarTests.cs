using Cases.Sla;
using NodaTime;
using static Cases.Tests.Sla.SlaData;

namespace Cases.Tests.Sla;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = SlaData.Calendar;

    [Fact]
    public void A_report_received_after_17_00_counts_from_07_30_the_next_working_day()
    {
        var receivedTuesdayEvening = Hue(2025, 3, 4, 18, 20);

        Assert.Equal(Hue(2025, 3, 5, 7, 30), Calendar.NextWorkingInstant(receivedTuesdayEvening));
        Assert.Equal(Hue(2025, 3, 5, 11, 30), Calendar.AddWorkingTime(receivedTuesdayEvening, Duration.FromHours(4)));
    }

    [Fact]
    public void A_report_received_during_lunch_counts_from_13_30()
    {
        var receivedAtLunch = Hue(2025, 3, 4, 12, 10);

        // 13:30-17:00 gives 3.5 h, the last half hour runs on Wednesday morning.
        Assert.Equal(Hue(2025, 3, 5, 8, 0), Calendar.AddWorkingTime(receivedAtLunch, Duration.FromHours(4)));
    }

    [Fact]
    public void A_deadline_landing_exactly_on_a_period_end_stays_at_that_end()
    {
        Assert.Equal(Hue(2025, 3, 4, 17, 0), Calendar.AddWorkingTime(Hue(2025, 3, 4, 13, 30), Duration.FromMinutes(210)));
        Assert.Equal(Hue(2025, 3, 4, 11, 30), Calendar.AddWorkingTime(Hue(2025, 3, 4, 9, 30), Duration.FromHours(2)));
    }

    [Fact]
    public void Due_times_are_utc_instants()
    {
        // 17:00 in Huế is 10:00 UTC.
        Assert.Equal(Instant.FromUtc(2025, 3, 4, 10, 0), Calendar.AddWorkingTime(Hue(2025, 3, 4, 13, 30), Duration.FromMinutes(210)));
    }

    [Fact]
    public void A_deadline_crosses_the_weekend()
    {
        Assert.Equal(Hue(2025, 3, 10, 9, 30), Calendar.AddWorkingTime(Hue(2025, 3, 7, 15, 0), Duration.FromHours(4)));
    }

    [Fact]
    public void A_deadline_crosses_tet_2025()
    {
        // Friday 24 January, then Tết 27-31 January and two weekends.
        Assert.Equal(Hue(2025, 2, 3, 8, 30), Calendar.AddWorkingTime(Hue(2025, 1, 24, 16, 0), Duration.FromHours(2)));
    }

    [Fact]
    public void A_deadline_crosses_tet_2026()
    {
        // Friday 13 February, then Tết 16-20 February and two weekends.
        Assert.Equal(Hue(2026, 2, 23, 8, 30), Calendar.AddWorkingTime(Hue(2026, 2, 13, 16, 0), Duration.FromHours(2)));
    }

    [Fact]
    public void A_deadline_crosses_30_april_to_1_may_and_the_bridge_day()
    {
        // Tuesday 29 April 2025: 1 h left that day; 30 April, 1 May and the bridge day 2 May are off; Monday 5 May
        // gives 4 h in the morning and the last 3 h end at 16:30.
        Assert.Equal(Hue(2025, 5, 5, 16, 30), Calendar.AddWorkingTime(Hue(2025, 4, 29, 16, 0), Duration.FromHours(8)));
    }

    [Fact]
    public void A_deadline_runs_into_the_make_up_saturday_before_30_april()
    {
        Assert.Equal(Hue(2025, 4, 26, 8, 30), Calendar.AddWorkingTime(Hue(2025, 4, 25, 16, 0), Duration.FromHours(2)));
    }

    [Fact]
    public void A_deadline_crosses_hung_kings_day_and_its_compensatory_monday()
    {
        // 2025: the 10th of the 3rd lunar month is Monday 7 April.
        Assert.Equal(Hue(2025, 4, 8, 8, 30), Calendar.AddWorkingTime(Hue(2025, 4, 4, 16, 0), Duration.FromHours(2)));

        // 2026: it is Sunday 26 April, so Monday 27 April is off.
        Assert.Equal(Hue(2026, 4, 28, 8, 30), Calendar.AddWorkingTime(Hue(2026, 4, 24, 16, 0), Duration.FromHours(2)));
    }

    [Fact]
    public void A_deadline_crosses_national_day()
    {
        // 2025: 1 and 2 September off.
        Assert.Equal(Hue(2025, 9, 3, 8, 30), Calendar.AddWorkingTime(Hue(2025, 8, 29, 16, 0), Duration.FromHours(2)));

        // 2026: 31 August (bridge), 1 and 2 September off.
        Assert.Equal(Hue(2026, 9, 3, 8, 30), Calendar.AddWorkingTime(Hue(2026, 8, 28, 16, 0), Duration.FromHours(2)));
    }

    [Fact]
    public void A_deadline_runs_into_the_make_up_saturday_before_national_day_2026()
    {
        Assert.Equal(Hue(2026, 8, 22, 8, 30), Calendar.AddWorkingTime(Hue(2026, 8, 21, 16, 0), Duration.FromHours(2)));
    }

    [Fact]
    public void A_deadline_crosses_the_new_year_into_the_next_years_data()
    {
        // Wednesday 31 December 2025, then 1 January and the bridge day 2 January 2026 off.
        Assert.Equal(Hue(2026, 1, 5, 8, 30), Calendar.AddWorkingTime(Hue(2025, 12, 31, 16, 0), Duration.FromHours(2)));
    }

    [Fact]
    public void Saturday_10_january_2026_is_worked_in_exchange_for_2_january()
    {
        Assert.Equal(Hue(2026, 1, 10, 8, 0), Calendar.AddWorkingTime(Hue(2026, 1, 9, 16, 30), Duration.FromHours(1)));
        Assert.True(Calendar.IsWorkingTime(Hue(2026, 1, 10, 10, 0)));
        Assert.False(Calendar.IsWorkingTime(Hue(2026, 1, 17, 10, 0)));
    }

    [Fact]
    public void Working_time_between_two_instants_skips_a_holiday()
    {
        // Tuesday 29 April 09:00-17:00 = 6 h; Monday 5 May 07:30-09:00 = 1.5 h; 30 April to 4 May nothing.
        Assert.Equal(Duration.FromMinutes(450), Calendar.WorkingTimeBetween(Hue(2025, 4, 29, 9, 0), Hue(2025, 5, 5, 9, 0)));

        // Across Tết 2025: exactly one working day, Friday 24 January.
        Assert.Equal(Duration.FromMinutes(450), Calendar.WorkingTimeBetween(Hue(2025, 1, 24, 7, 30), Hue(2025, 2, 3, 7, 30)));
    }

    [Fact]
    public void Working_time_between_is_negative_when_the_end_comes_first_and_zero_when_equal()
    {
        var a = Hue(2025, 4, 29, 9, 0);
        var b = Hue(2025, 5, 5, 9, 0);

        Assert.Equal(Duration.FromMinutes(-450), Calendar.WorkingTimeBetween(b, a));
        Assert.Equal(Duration.Zero, Calendar.WorkingTimeBetween(a, a));
    }

    [Fact]
    public void Working_time_between_two_instants_outside_working_hours_is_zero()
    {
        Assert.Equal(Duration.Zero, Calendar.WorkingTimeBetween(Hue(2025, 3, 4, 17, 0), Hue(2025, 3, 5, 7, 30)));
        Assert.Equal(Duration.Zero, Calendar.WorkingTimeBetween(Hue(2025, 3, 4, 11, 30), Hue(2025, 3, 4, 13, 30)));
    }

    [Theory]
    [InlineData(7, 30, true)]
    [InlineData(11, 29, true)]
    [InlineData(11, 30, false)]
    [InlineData(12, 0, false)]
    [InlineData(13, 30, true)]
    [InlineData(16, 59, true)]
    [InlineData(17, 0, false)]
    [InlineData(7, 29, false)]
    public void Working_periods_include_their_start_and_exclude_their_end(int hour, int minute, bool expected)
    {
        Assert.Equal(expected, Calendar.IsWorkingTime(Hue(2025, 3, 4, hour, minute)));
    }

    [Fact]
    public void Holidays_and_ordinary_weekends_are_not_working_time_but_a_make_up_saturday_is()
    {
        Assert.False(Calendar.IsWorkingTime(Hue(2025, 9, 2, 10, 0)));
        Assert.False(Calendar.IsWorkingTime(Hue(2025, 3, 8, 10, 0)));
        Assert.True(Calendar.IsWorkingTime(Hue(2025, 4, 26, 10, 0)));
    }

    [Fact]
    public void The_next_working_instant_of_working_time_is_itself()
    {
        var tuesdayMorning = Hue(2025, 3, 4, 9, 17);

        Assert.Equal(tuesdayMorning, Calendar.NextWorkingInstant(tuesdayMorning));
    }

    [Fact]
    public void The_next_working_instant_of_a_saturday_is_monday_morning()
    {
        Assert.Equal(Hue(2025, 3, 10, 7, 30), Calendar.NextWorkingInstant(Hue(2025, 3, 8, 10, 0)));
    }

    [Fact]
    public void The_next_working_instant_of_17_00_is_the_next_morning()
    {
        Assert.Equal(Hue(2025, 3, 5, 7, 30), Calendar.NextWorkingInstant(Hue(2025, 3, 4, 17, 0)));
    }

    [Fact]
    public void Adding_negative_working_time_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingTime(Hue(2025, 3, 4, 9, 0), Duration.FromMinutes(-1)));
    }

    [Fact]
    public void An_agency_working_saturday_mornings_counts_them()
    {
        var week = WorkingWeek.Default.WithDay(IsoDayOfWeek.Saturday, WorkingPeriod.Of(7, 30, 11, 30));
        var calendar = CalendarWith(week, UncoveredYears.Refuse);

        Assert.Equal(Hue(2025, 3, 8, 8, 30), calendar.AddWorkingTime(Hue(2025, 3, 7, 16, 0), Duration.FromHours(2)));
        Assert.Equal(Hue(2025, 3, 10, 8, 30), Calendar.AddWorkingTime(Hue(2025, 3, 7, 16, 0), Duration.FromHours(2)));
    }

    [Fact]
    public void A_holiday_is_off_even_for_an_agency_that_works_that_weekday()
    {
        var week = WorkingWeek.Default.WithDay(IsoDayOfWeek.Saturday, WorkingPeriod.Of(7, 30, 11, 30));
        var calendar = CalendarWith(week, UncoveredYears.Refuse);

        // Saturday 30 August 2025 is an ordinary Saturday; Monday 1 and Tuesday 2 September are holidays.
        Assert.True(calendar.IsWorkingTime(Hue(2025, 8, 30, 8, 0)));
        Assert.False(calendar.IsWorkingTime(Hue(2025, 9, 1, 8, 0)));
    }

    [Fact]
    public void Overlapping_working_periods_are_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            WorkingWeek.Default.WithDay(IsoDayOfWeek.Monday, WorkingPeriod.Of(7, 30, 12, 0), WorkingPeriod.Of(11, 30, 17, 0)));
    }

    [Fact]
    public void A_working_period_must_end_after_it_starts()
    {
        Assert.Throws<ArgumentException>(() => WorkingPeriod.Of(13, 30, 13, 30));
    }

    [Fact]
    public void A_week_without_any_working_period_is_refused()
    {
        var week = WorkingWeek.Default;
        foreach (var day in new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday })
        {
            week = week.WithDay(day);
        }

        Assert.Throws<ArgumentException>(() => week.WithDay(IsoDayOfWeek.Friday));
    }

    [Fact]
    public void A_calendar_that_refuses_uncovered_years_throws_for_2027()
    {
        var error = Assert.Throws<CalendarRangeException>(() => Calendar.AddWorkingTime(Hue(2027, 1, 4, 9, 0), Duration.FromHours(1)));

        Assert.Equal(new LocalDate(2027, 1, 4), error.Date);
    }

    [Fact]
    public void A_calendar_that_assumes_no_holidays_counts_the_working_week_alone_in_2027()
    {
        var calendar = CalendarWith(WorkingWeek.Default, UncoveredYears.AssumeNoHolidays);

        // Friday 1 January 2027 is a statutory holiday, but without 2027 data it counts as a working day.
        Assert.Equal(Hue(2027, 1, 1, 8, 30), calendar.AddWorkingTime(Hue(2026, 12, 31, 16, 0), Duration.FromHours(2)));
    }

    [Fact]
    public void The_calendar_version_names_every_yearly_file_in_year_order()
    {
        var calendar = new WorkingCalendar(WorkingWeek.Default, [Year(2026), Year(2025)], UncoveredYears.Refuse);

        Assert.Equal("2025.1+2026.1", calendar.CalendarVersion);
    }

    [Fact]
    public void Two_files_for_the_same_year_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar(WorkingWeek.Default, [Year(2025), Year(2025)], UncoveredYears.Refuse));
    }
}
