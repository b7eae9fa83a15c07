using NodaTime;

namespace Cases.Sla;

/// <summary>
/// The working-time calendar of the province's state agencies (DESIGN 2.4): which instants are working time,
/// and how far a given amount of working time, or a number of working days, reaches.
/// <para>
/// Everything public takes and returns UTC <see cref="Instant"/>s. Wall-clock dates and times exist only inside
/// this class, in the zone <c>Asia/Ho_Chi_Minh</c> (UTC+7, no daylight saving time).
/// </para>
/// <para>
/// Working time is the union of the working periods of each date: the periods of the <see cref="WorkingWeek"/>
/// for that weekday, none on a holiday, the week's make-up-day periods on a declared make-up working day.
/// A period is half open: 07:30 is working time, 17:00 is not. A computed due time, however, may be a period's
/// end: a deadline that lands exactly on 17:00 stays at 17:00 rather than rolling to 07:30 the next working
/// morning, because the last minute of the day was still time the agency had.
/// </para>
/// <para>
/// Not a clock: the calendar never asks what time it is. It is immutable and safe to share between threads.
/// </para>
/// </summary>
public sealed partial class WorkingCalendar
{
    /// <summary>The calendar's zone, from the TZDB provider bundled with NodaTime.</summary>
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>
    /// The default receipt cut-off for dossiers: one-stop desks count a dossier received after 15:00 as received
    /// on the next working day (see <see cref="AddWorkingDays"/>).
    /// </summary>
    public static readonly LocalTime DefaultReceiptCutoff = new(15, 0);

    // A week with at least one working period has a working day within 7 days; holiday runs are at most ~10 days.
    // A search that finds no working period in a whole year means the data is broken, not that work is far away.
    private const int MaxDaysWithoutWork = 366;

    private readonly IReadOnlyDictionary<int, CalendarYear> years;
    private readonly UncoveredYears uncoveredYears;

    /// <param name="week">The agency's working week.</param>
    /// <param name="years">Holiday data, at most one per year.</param>
    /// <param name="uncoveredYears">What to do with a date in a year that has no holiday data.</param>
    /// <param name="receiptCutoff">Dossiers received after this wall-clock time count from the next working day; defaults to <see cref="DefaultReceiptCutoff"/>.</param>
    public WorkingCalendar(WorkingWeek week, IEnumerable<CalendarYear> years, UncoveredYears uncoveredYears, LocalTime? receiptCutoff = null)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(years);

        var byYear = new SortedDictionary<int, CalendarYear>();
        foreach (var year in years)
        {
            if (!byYear.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"Two holiday files for {year.Year}: {byYear[year.Year].FileName} and {year.FileName}.", nameof(years));
            }
        }

        Week = week;
        this.years = byYear;
        this.uncoveredYears = uncoveredYears;
        ReceiptCutoff = receiptCutoff ?? DefaultReceiptCutoff;
        CoveredYears = [.. byYear.Keys];
        CalendarVersion = byYear.Count == 0 ? "none" : string.Join("+", byYear.Values.Select(y => y.Version));
    }

    /// <summary>
    /// Which holiday data computed a due time, e.g. <c>2025.1+2026.1</c>: the versions of the yearly files, in
    /// year order. Events that carry a due time record it, so a replay never recomputes history with newer data.
    /// It does not describe the working week, which is per agency and recorded with the agency.
    /// </summary>
    public string CalendarVersion { get; }

    public WorkingWeek Week { get; }

    public LocalTime ReceiptCutoff { get; }

    /// <summary>The years for which holiday data is loaded, ascending.</summary>
    public IReadOnlyList<int> CoveredYears { get; }

    /// <summary>Whether <paramref name="instant"/> lies inside a working period (start inclusive, end exclusive).</summary>
    public bool IsWorkingTime(Instant instant)
    {
        var date = DateOf(instant);
        foreach (var (start, end) in PeriodsOn(date))
        {
            if (start <= instant && instant < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="instant"/> itself if it is working time, otherwise the start of the next working period.
    /// Work received after hours counts from here.
    /// </summary>
    public Instant NextWorkingInstant(Instant instant) => AddWorkingTime(instant, Duration.Zero);

    /// <summary>
    /// The instant at which <paramref name="workingTime"/> of working time, counted from <paramref name="start"/>,
    /// has elapsed. Time outside working periods does not count, so work received after hours starts at the next
    /// working period.
    /// <list type="bullet">
    /// <item>A result that lands exactly on a period's end stays there (e.g. 17:00), so it may not be
    /// <see cref="IsWorkingTime"/>; every other result is working time.</item>
    /// <item>Adding zero gives <see cref="NextWorkingInstant"/> of the start.</item>
    /// <item>Monotonic in <paramref name="workingTime"/>; for b &gt; 0, adding a then b equals adding a + b; and
    /// <c>WorkingTimeBetween(start, AddWorkingTime(start, d)) == d</c>.</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingTime"/> is negative.</exception>
    public Instant AddWorkingTime(Instant start, Duration workingTime)
    {
        if (workingTime < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(workingTime), workingTime, "Working time to add cannot be negative.");
        }

        var remaining = workingTime;
        var daysWithoutWork = 0;
        for (var date = DateOf(start); ; date = date.PlusDays(1))
        {
            var worked = false;
            foreach (var (periodStart, periodEnd) in PeriodsOn(date))
            {
                if (periodEnd <= start)
                {
                    continue;
                }

                worked = true;
                var from = Instant.Max(periodStart, start);
                var available = periodEnd - from;
                if (remaining <= available)
                {
                    return from + remaining;
                }

                remaining -= available;
            }

            daysWithoutWork = worked ? 0 : daysWithoutWork + 1;
            GuardAgainstEndlessSearch(daysWithoutWork, date);
        }
    }

    /// <summary>
    /// The working time inside [<paramref name="from"/>, <paramref name="to"/>). Antisymmetric: if
    /// <paramref name="to"/> is before <paramref name="from"/> the result is the negated working time between
    /// them (so zero or negative), and it is zero when they are equal.
    /// </summary>
    public Duration WorkingTimeBetween(Instant from, Instant to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var total = Duration.Zero;
        var last = DateOf(to);
        for (var date = DateOf(from); date <= last; date = date.PlusDays(1))
        {
            foreach (var (periodStart, periodEnd) in PeriodsOn(date))
            {
                var overlapStart = Instant.Max(periodStart, from);
                var overlapEnd = Instant.Min(periodEnd, to);
                if (overlapStart < overlapEnd)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return total;
    }

    private static LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    private void GuardAgainstEndlessSearch(int daysWithoutWork, LocalDate date)
    {
        if (daysWithoutWork > MaxDaysWithoutWork)
        {
            throw new InvalidOperationException(
                $"No working period in the {MaxDaysWithoutWork} days before {date:uuuu-MM-dd} (calendar {CalendarVersion}, week {Week}).");
        }
    }
}
