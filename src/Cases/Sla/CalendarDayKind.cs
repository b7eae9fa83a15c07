namespace Cases.Sla;

/// <summary>What a date listed in a yearly calendar file is (see <see cref="CalendarYearParser"/> for the directives).</summary>
public enum CalendarDayKind
{
    /// <summary>A statutory public holiday (Labour Code 2019, art. 112(1)).</summary>
    Holiday,

    /// <summary>A working day the government turned into a day off, swapped with a make-up Saturday.</summary>
    Bridge,

    /// <summary>A day off for a holiday that fell on a weekly day off (art. 111(3)).</summary>
    Compensatory,

    /// <summary>A make-up working day on a weekend.</summary>
    Workday,
}
