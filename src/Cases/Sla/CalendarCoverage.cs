using NodaTime;

namespace Cases.Sla;

/// <summary>
/// How far ahead the calendar versions in force know the holidays, judged on one day. Past the last covered year
/// only the working week counts (<see cref="UncoveredYears.AssumeNoHolidays"/>), so a due time there may come a
/// holiday early; <see cref="Warning"/> says so while there is still time to import the next year.
/// </summary>
public sealed record CalendarCoverage(
    string CalendarVersion,
    LocalDate Today,
    LocalDate? CoveredUntil,
    int DaysCovered,
    int WarnDays,
    IReadOnlyList<CalendarYear> InForce,
    IReadOnlyList<(LocalDate Date, string Name)> ProvisionalAhead)
{
    /// <summary>The province's rule of thumb: a dossier with the longest statutory time (about 60 working days)
    /// received today must find its whole span covered.</summary>
    public const int DefaultWarnDays = 120;

    /// <summary>The calendar does not cover the next <see cref="WarnDays"/> days.</summary>
    public bool Warning => DaysCovered < WarnDays;

    public string Message => Warning
        ? CoveredUntil is { } until
            ? $"The working calendar covers only {DaysCovered} days ahead (to {until:uuuu-MM-dd}); import the next year before due times rest on assumed working days."
            : $"The working calendar has no holiday data for {Today.Year}; due times rest on assumed working days. Import {Today.Year}."
        : $"The working calendar covers {DaysCovered} days ahead (to {CoveredUntil:uuuu-MM-dd}).";

    public static CalendarCoverage Of(CalendarLibrary library, Instant now, int warnDays = DefaultWarnDays)
    {
        var today = now.InZone(WorkingCalendar.Zone).Date;
        var covered = library.InForce.Select(y => y.Year).ToHashSet();
        LocalDate? until = null;
        for (var year = today.Year; covered.Contains(year); year++) until = new LocalDate(year, 12, 31);
        var days = until is { } u ? Period.DaysBetween(today, u) : 0;
        var provisional = library.InForce
            .SelectMany(y => y.Provisional.Where(d => d >= today).Select(d => (d, y.Holidays.TryGetValue(d, out var n) ? n : y.Workdays[d])))
            .OrderBy(p => p.d).ToList();
        return new CalendarCoverage(string.Join("+", library.InForce.Select(y => y.Version)), today, until, days, warnDays, library.InForce, provisional);
    }
}
