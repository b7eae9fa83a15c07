using NodaTime;

namespace Cases.Sla;

/// <summary>
/// A computation needed a date in a year for which no holiday file is loaded, and the calendar was built with
/// <see cref="UncoveredYears.Refuse"/>.
/// </summary>
public sealed class CalendarRangeException(LocalDate date, string calendarVersion)
    : Exception($"No holiday data for {date:uuuu-MM-dd} in calendar {calendarVersion}.")
{
    public LocalDate Date { get; } = date;
}
