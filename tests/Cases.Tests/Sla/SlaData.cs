using System.Runtime.CompilerServices;
using Cases.Sla;
using NodaTime;

namespace Cases.Tests.Sla;

/// <summary>
/// Reads the real data files straight from src/Cases/Sla/Data, so the tests check the data that ships, and
/// builds instants from Huế wall-clock times.
/// </summary>
internal static class SlaData
{
    public static string DataDirectory { get; } = FindDataDirectory();

    /// <summary>The standard calendar over the shipped 2025 and 2026 data; refuses dates in other years, so a test cannot wander off the data unnoticed.</summary>
    public static WorkingCalendar Calendar { get; } = CalendarWith(WorkingWeek.Default, UncoveredYears.Refuse);

    public static WorkingCalendar CalendarWith(WorkingWeek week, UncoveredYears uncoveredYears) =>
        new(week, [Year(2025), Year(2026)], uncoveredYears);

    public static CalendarYear Year(int year)
    {
        var fileName = $"calendar-{year}.txt";
        using var reader = File.OpenText(Path.Combine(DataDirectory, fileName));
        return CalendarYearParser.Parse(fileName, reader);
    }

    public static SlaPolicies Policies()
    {
        using var reader = File.OpenText(Path.Combine(DataDirectory, SlaPolicies.EmbeddedFileName));
        return SlaPolicies.Parse(SlaPolicies.EmbeddedFileName, reader);
    }

    /// <summary>The instant of a wall-clock time in Huế (UTC+7).</summary>
    public static Instant Hue(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(WorkingCalendar.Zone).ToInstant();

    private static string FindDataDirectory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "..", "src", "Cases", "Sla", "Data"));
}
