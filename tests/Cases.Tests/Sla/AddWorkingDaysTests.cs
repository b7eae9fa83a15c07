using Cases.Sla;
using NodaTime;
using static Cases.Tests.Sla.SlaData;

namespace Cases.Tests.Sla;

public class AddWorkingDaysTests
{
    private static readonly WorkingCalendar Calendar = SlaData.Calendar;

    [Fact]
    public void A_dossier_received_in_the_morning_is_due_at_17_00_on_the_nth_working_day_after()
    {
        Assert.Equal(Hue(2025, 3, 6, 17, 0), Calendar.AddWorkingDays(Hue(2025, 3, 3, 10, 0), 3));
    }

    [Fact]
    public void A_dossier_received_after_15_00_counts_as_received_the_next_working_day()
    {
        Assert.Equal(Hue(2025, 3, 7, 17, 0), Calendar.AddWorkingDays(Hue(2025, 3, 3, 15, 30), 3));
    }

    [Fact]
    public void A_dossier_received_at_15_00_exactly_counts_as_received_that_day()
    {
        Assert.Equal(Hue(2025, 3, 6, 17, 0), Calendar.AddWorkingDays(Hue(2025, 3, 3, 15, 0), 3));
    }

    [Fact]
    public void A_dossier_received_before_opening_counts_as_received_that_day()
    {
        Assert.Equal(Hue(2025, 3, 4, 17, 0), Calendar.AddWorkingDays(Hue(2025, 3, 3, 6, 45), 1));
    }

    [Fact]
    public void A_dossier_received_on_a_saturday_counts_as_received_on_monday()
    {
        Assert.Equal(Hue(2025, 3, 11, 17, 0), Calendar.AddWorkingDays(Hue(2025, 3, 8, 10, 0), 1));
    }

    [Fact]
    public void A_dossier_received_on_a_make_up_saturday_counts_as_received_that_saturday()
    {
        Assert.Equal(Hue(2025, 4, 28, 17, 0), Calendar.AddWorkingDays(Hue(2025, 4, 26, 10, 0), 1));
    }

    [Fact]
    public void A_same_day_procedure_is_due_at_17_00_that_day_or_the_next_working_day_after_15_00()
    {
        Assert.Equal(Hue(2025, 3, 3, 17, 0), Calendar.AddWorkingDays(Hue(2025, 3, 3, 10, 0), 0));
        Assert.Equal(Hue(2025, 3, 4, 17, 0), Calendar.AddWorkingDays(Hue(2025, 3, 3, 15, 30), 0));
    }

    [Fact]
    public void A_construction_permit_of_15_working_days_skips_30_april_to_2_may_and_counts_the_make_up_saturday()
    {
        // Received Monday 21 April 2025. Working days: 22, 23, 24, 25, Sat 26 (make-up), 28, 29 April;
        // 5, 6, 7, 8, 9, 12, 13, 14 May.
        Assert.Equal(Hue(2025, 5, 14, 17, 0), Calendar.AddWorkingDays(Hue(2025, 4, 21, 9, 0), 15));
    }

    [Fact]
    public void A_business_registration_of_3_working_days_skips_tet_2026()
    {
        // Received Thursday 12 February 2026: Friday 13, Monday 23, Tuesday 24 February.
        Assert.Equal(Hue(2026, 2, 24, 17, 0), Calendar.AddWorkingDays(Hue(2026, 2, 12, 9, 0), 3));
    }

    [Fact]
    public void A_dossier_received_on_a_holiday_counts_as_received_on_the_next_working_day()
    {
        // Received on National Day 2025 (Tuesday 2 September): the day of receipt is Wednesday 3 September.
        Assert.Equal(Hue(2025, 9, 4, 17, 0), Calendar.AddWorkingDays(Hue(2025, 9, 2, 9, 0), 1));
    }

    [Fact]
    public void A_dossier_due_runs_across_the_new_year_into_the_next_years_data()
    {
        // Received Tuesday 30 December 2025: Wednesday 31, then 1 and 2 January off, Monday 5 January 2026.
        Assert.Equal(Hue(2026, 1, 5, 17, 0), Calendar.AddWorkingDays(Hue(2025, 12, 30, 9, 0), 2));
    }

    [Fact]
    public void The_receipt_cut_off_is_configurable()
    {
        var calendar = new WorkingCalendar(WorkingWeek.Default, [Year(2025)], UncoveredYears.Refuse, new LocalTime(16, 0));

        Assert.Equal(Hue(2025, 3, 6, 17, 0), calendar.AddWorkingDays(Hue(2025, 3, 3, 15, 30), 3));
    }

    [Fact]
    public void A_negative_number_of_working_days_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(Hue(2025, 3, 3, 10, 0), -1));
    }
}
