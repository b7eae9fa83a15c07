using Cases.Sla;
using FsCheck.Xunit;
using NodaTime;

namespace Cases.Tests.Sla;

/// <summary>Laws of the working calendar (DESIGN 10), checked over 2025-2026 with the shipped holiday data.</summary>
[Properties(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 300)]
public class WorkingCalendarProperties
{
    private static readonly WorkingCalendar Calendar =
        SlaData.CalendarWith(WorkingWeek.Default, UncoveredYears.AssumeNoHolidays);

    [Property]
    public bool Adding_more_working_time_never_gives_an_earlier_instant(Moment start, WorkingTime a, WorkingTime b)
    {
        var (shorter, longer) = a.Value <= b.Value ? (a.Value, b.Value) : (b.Value, a.Value);

        return Calendar.AddWorkingTime(start.Value, shorter) <= Calendar.AddWorkingTime(start.Value, longer);
    }

    [Property]
    public bool Adding_a_then_b_equals_adding_a_plus_b(Moment start, WorkingTime a, WorkingTime b)
    {
        // b > 0 always (see SlaArbitraries); adding zero moves a period end to the next period start.
        var stepwise = Calendar.AddWorkingTime(Calendar.AddWorkingTime(start.Value, a.Value), b.Value);

        return stepwise == Calendar.AddWorkingTime(start.Value, a.Value + b.Value);
    }

    [Property]
    public bool Every_due_time_is_working_time_or_the_end_of_a_working_period(Moment start, WorkingTime d)
    {
        var due = Calendar.AddWorkingTime(start.Value, d.Value);

        return Calendar.IsWorkingTime(due) || IsPeriodEnd(due);
    }

    [Property]
    public bool Working_time_between_a_start_and_its_due_time_is_the_working_time_added(Moment start, WorkingTime d)
    {
        return Calendar.WorkingTimeBetween(start.Value, Calendar.AddWorkingTime(start.Value, d.Value)) == d.Value;
    }

    [Property]
    public bool Working_time_between_is_antisymmetric(Moment a, Moment b)
    {
        return Calendar.WorkingTimeBetween(a.Value, b.Value) == -Calendar.WorkingTimeBetween(b.Value, a.Value);
    }

    [Property]
    public bool The_next_working_instant_is_working_time_not_before_the_given_instant(Moment t)
    {
        var next = Calendar.NextWorkingInstant(t.Value);

        return next >= t.Value
            && Calendar.IsWorkingTime(next)
            && Calendar.WorkingTimeBetween(t.Value, next) == Duration.Zero
            && (next == t.Value) == Calendar.IsWorkingTime(t.Value);
    }

    [Property]
    public bool A_dossier_is_due_at_the_end_of_a_working_day_and_one_more_day_is_later(Moment received, byte days)
    {
        var n = days % 40;
        var due = Calendar.AddWorkingDays(received.Value, n);

        return IsPeriodEnd(due)
            && !Calendar.IsWorkingTime(due)
            && due > received.Value
            && Calendar.AddWorkingDays(received.Value, n + 1) > due;
    }

    private static bool IsPeriodEnd(Instant t) =>
        !Calendar.IsWorkingTime(t) && Calendar.IsWorkingTime(t - Duration.Epsilon);
}
