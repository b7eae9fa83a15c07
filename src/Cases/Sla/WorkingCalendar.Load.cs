namespace Cases.Sla;

// Loading the holiday data embedded in the assembly.
public sealed partial class WorkingCalendar
{
    /// <summary>
    /// The yearly holiday files embedded from <c>Sla/Data</c>, as an explicit list: adding a year is a visible
    /// change here, not a side effect of dropping a file into a folder.
    /// </summary>
    public static readonly IReadOnlyList<string> EmbeddedYearFiles = ["calendar-2025.txt", "calendar-2026.txt", "calendar-2027.txt"];

    /// <summary>The prefix of the manifest resource names of the SLA data files, e.g. <c>Cases.Sla.Data.calendar-2025.txt</c>.</summary>
    internal const string ResourcePrefix = "Cases.Sla.Data.";

    /// <summary>Every embedded yearly holiday file, read once per process (the data is immutable).</summary>
    /// <exception cref="CalendarDataException">A file is malformed.</exception>
    public static IReadOnlyList<CalendarYear> LoadEmbeddedYears() => EmbeddedYears.Value;

    private static readonly Lazy<IReadOnlyList<CalendarYear>> EmbeddedYears =
        new(() => EmbeddedYearFiles.Select(file => EmbeddedData.Read(file, CalendarYearParser.Parse)).ToList());

    /// <summary>A calendar over the embedded holiday data and the given (by default the province's standard) week.</summary>
    public static WorkingCalendar LoadEmbedded(UncoveredYears uncoveredYears, WorkingWeek? week = null) =>
        new(week ?? WorkingWeek.Default, LoadEmbeddedYears(), uncoveredYears);
}
