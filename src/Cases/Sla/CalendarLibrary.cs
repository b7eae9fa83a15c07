using System.Globalization;

namespace Cases.Sla;

/// <summary>
/// Every yearly calendar version known (the files shipped in the assembly and those the center imported), and for
/// each year the one in force: the highest revision. Immutable; <see cref="With"/> returns a new library.
/// <para>
/// It can rebuild the calendar any recorded calendar version names (<c>2025.1+2026.1</c>), so a due time can be
/// re-measured with the data that computed it (<see cref="SlaRules.RecomputeDue"/>).
/// </para>
/// </summary>
public sealed class CalendarLibrary
{
    private readonly IReadOnlyDictionary<(int Year, string Version), CalendarYear> all;

    private CalendarLibrary(IReadOnlyDictionary<(int, string), CalendarYear> all, WorkingWeek week)
    {
        this.all = all;
        Week = week;
        InForce = all.Values.GroupBy(y => y.Year)
            .Select(g => g.MaxBy(y => Revision(y.Version))!)
            .OrderBy(y => y.Year)
            .ToList();
    }

    public WorkingWeek Week { get; }

    /// <summary>The version in force for each covered year, in year order.</summary>
    public IReadOnlyList<CalendarYear> InForce { get; }

    /// <summary>Every known version, in year and revision order.</summary>
    public IEnumerable<CalendarYear> All => all.Values.OrderBy(y => y.Year).ThenBy(y => Revision(y.Version));

    public static CalendarLibrary Embedded(WorkingWeek? week = null) => new CalendarLibrary(new Dictionary<(int, string), CalendarYear>(), week ?? WorkingWeek.Default)
        .WithAll(WorkingCalendar.LoadEmbeddedYears());

    /// <summary>The library with <paramref name="years"/> added; a version already known is kept as it was.</summary>
    public CalendarLibrary WithAll(IEnumerable<CalendarYear> years)
    {
        var next = new Dictionary<(int, string), CalendarYear>(all);
        foreach (var y in years) next.TryAdd((y.Year, y.Version), y);
        return new CalendarLibrary(next, Week);
    }

    public CalendarLibrary With(CalendarYear year) => WithAll([year]);

    /// <summary>The version in force for <paramref name="year"/>, if the year is covered.</summary>
    public CalendarYear? InForceFor(int year) => InForce.FirstOrDefault(y => y.Year == year);

    /// <summary>The calendar of the versions in force: the one new clocks are computed with.</summary>
    public WorkingCalendar Current(UncoveredYears uncoveredYears) => new(Week, InForce, uncoveredYears);

    /// <summary>
    /// The calendar a recorded calendar version names, e.g. <c>2025.1+2026.1</c> (its uncovered years assumed to
    /// have no holidays, as when it computed), or null when the text is not such a version or names a version not
    /// known here.
    /// </summary>
    public WorkingCalendar? ForVersion(string calendarVersion)
    {
        if (calendarVersion == "none") return new WorkingCalendar(Week, [], UncoveredYears.AssumeNoHolidays);
        var years = new List<CalendarYear>();
        foreach (var part in calendarVersion.Split('+'))
        {
            if (YearOf(part) is not { } year || !all.TryGetValue((year, part), out var data)) return null;
            years.Add(data);
        }

        return new WorkingCalendar(Week, years, UncoveredYears.AssumeNoHolidays);
    }

    /// <summary>
    /// The years a recorded calendar version had holiday data for (<c>2025.1+2026.1</c> gives 2025 and 2026; <c>none</c>
    /// gives none), or null when the text is not a calendar version at all (a test's fixed rules).
    /// </summary>
    public static IReadOnlySet<int>? CoveredYears(string calendarVersion)
    {
        if (calendarVersion == "none") return new HashSet<int>();
        var years = new HashSet<int>();
        foreach (var part in calendarVersion.Split('+'))
        {
            if (YearOf(part) is not { } year) return null;
            years.Add(year);
        }

        return years;
    }

    /// <summary>The revision after the dot, compared as a number (2027.10 is after 2027.9).</summary>
    public static int Revision(string version) =>
        int.Parse(version[(version.IndexOf('.') + 1)..], CultureInfo.InvariantCulture);

    private static int? YearOf(string version) =>
        version.Length > 5 && version[4] == '.' && int.TryParse(version[..4], CultureInfo.InvariantCulture, out var year)
        && int.TryParse(version[5..], CultureInfo.InvariantCulture, out _) ? year : null;
}
