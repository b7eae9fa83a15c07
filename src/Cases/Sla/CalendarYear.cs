using NodaTime;

namespace Cases.Sla;

/// <summary>
/// The holidays and make-up working days of one year, as read from one versioned data file
/// (e.g. <c>calendar-2026.txt</c>, version <c>2026.1</c>). Produced by <see cref="CalendarYearParser"/>.
/// </summary>
public sealed class CalendarYear
{
    internal CalendarYear(
        string fileName,
        int year,
        string version,
        IReadOnlyDictionary<LocalDate, string> holidays,
        IReadOnlyDictionary<LocalDate, string> workdays,
        IReadOnlyDictionary<LocalDate, CalendarDayKind> kinds,
        IReadOnlySet<LocalDate> provisional)
    {
        FileName = fileName;
        Year = year;
        Version = version;
        Holidays = holidays;
        Workdays = workdays;
        Kinds = kinds;
        Provisional = provisional;
    }

    public string FileName { get; }

    /// <summary>Reads one yearly file; see <see cref="CalendarYearParser"/> for the format and its errors.</summary>
    /// <exception cref="CalendarDataException">The text is malformed, naming the file and line.</exception>
    public static CalendarYear Parse(string fileName, TextReader reader) => CalendarYearParser.Parse(fileName, reader);

    public int Year { get; }

    /// <summary>The file's version, e.g. <c>2026.1</c>; bumped whenever a date in the file changes.</summary>
    public string Version { get; }

    /// <summary>Days off for state agencies (statutory holidays, official bridge and compensatory days), with their names.</summary>
    public IReadOnlyDictionary<LocalDate, string> Holidays { get; }

    /// <summary>Days that are working days although the working week says otherwise (make-up Saturdays), with a note.</summary>
    public IReadOnlyDictionary<LocalDate, string> Workdays { get; }

    /// <summary>What each listed date is: a statutory holiday, a bridge or compensatory day off, or a make-up workday.</summary>
    public IReadOnlyDictionary<LocalDate, CalendarDayKind> Kinds { get; }

    /// <summary>
    /// Dates listed before the official notice confirmed them (e.g. next year's Tết days in October). They count
    /// as listed; <c>calendar status</c> shows them so the admin knows a corrected version is still due.
    /// </summary>
    public IReadOnlySet<LocalDate> Provisional { get; }
}
