namespace Cases.Sla;

/// <summary>
/// What a <see cref="WorkingCalendar"/> does with a date in a year that has no holiday file. Forcing the
/// choice at construction (as NodaTime's <c>InZoneStrictly</c>/<c>InZoneLeniently</c> do) keeps the
/// silent answer from being the only one.
/// </summary>
public enum UncoveredYears
{
    /// <summary>
    /// Count the working week alone, with no holidays. Deadlines that run into next year keep working before
    /// next year's official schedule is announced (usually October to December), at the price of ignoring
    /// holidays that are not yet data. The due time's event records the calendar version, so this is visible.
    /// </summary>
    AssumeNoHolidays,

    /// <summary>Throw <see cref="CalendarRangeException"/>.</summary>
    Refuse,
}
