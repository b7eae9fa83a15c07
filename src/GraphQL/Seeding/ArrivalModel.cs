using Cases.Domain;
using Cases.Sla;
using NodaTime;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// When cases arrive over the twelve months before "now". Reports: more on weekdays (Monday most), fewer at
/// weekends and on holidays, a deep dip around Tết, a surge in the flood season (October and November, when
/// Huế's rivers flood), a slow rise over the year as the Hue-S app spreads; by hour, a morning and an afternoon
/// peak and an evening tail. Dossiers: the one-stop desk takes them in working time only; web dossiers come at
/// any hour, fewer at weekends.
/// </summary>
internal sealed class ArrivalModel
{
    static readonly DateTimeZone Zone = WorkingCalendar.Zone;

    /// <summary>The first day of the lunar new year (Tết Nguyên Đán), from the official calendars.</summary>
    static readonly LocalDate[] LunarNewYears = [new(2025, 1, 29), new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26)];

    /// <summary>Reports by hour of day (local time), relative.</summary>
    static readonly double[] ReportHours =
        [0.2, 0.1, 0.1, 0.1, 0.2, 0.6, 1.5, 3.0, 4.0, 4.0, 3.5, 2.5, 1.5, 2.0, 3.0, 3.2, 3.0, 2.5, 2.0, 2.2, 2.2, 1.8, 1.0, 0.5];

    static readonly double[] ReportHoursCumulative = Cumulative(ReportHours);

    readonly WorkingCalendar calendar;
    readonly Instant now;
    readonly LocalDate[] days;
    readonly bool[] working;
    readonly double[] reports, desk, web;

    public ArrivalModel(WorkingCalendar calendar, Instant now)
    {
        this.calendar = calendar;
        this.now = now;
        var last = now.InZone(Zone).Date;
        var first = last.PlusYears(-1).PlusDays(1);
        days = Enumerable.Range(0, Period.Between(first, last, PeriodUnits.Days).Days + 1).Select(first.PlusDays).ToArray();
        working = days.Select(d => calendar.IsWorkingTime(d.At(new LocalTime(9, 0)).InZoneStrictly(Zone).ToInstant())).ToArray();
        reports = Cumulative(days.Select((d, i) => ReportWeight(d, working[i]) * Trend(i)));
        desk = Cumulative(days.Select((d, i) => working[i] ? DeskWeight(d) : 0));
        web = Cumulative(days.Select((d, i) => (working[i] ? 1.0 : 0.35) * TetFactor(d) * Trend(i)));
    }

    /// <summary>An arrival instant for a case of this kind and channel (a dossier at the desk comes in working time).</summary>
    public Instant Next(CaseKind kind, Channel channel, Random rng)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var at = kind == CaseKind.Dossier && channel == Channel.Desk
                ? DeskInstant(days[Pick(desk, rng)], rng)
                : AtHour(days[Pick(kind == CaseKind.Dossier ? web : reports, rng)], rng);
            if (at < now) return at;
        }
        return now - Duration.FromMinutes(30);
    }

    Instant AtHour(LocalDate day, Random rng)
    {
        var hour = Pick(ReportHoursCumulative, rng);
        var time = new LocalTime(hour, 0).PlusSeconds(rng.Next(3600));
        return day.At(time).InZoneStrictly(Zone).ToInstant();
    }

    /// <summary>A uniformly random working instant of the day (the day is a working day).</summary>
    Instant DeskInstant(LocalDate day, Random rng)
    {
        var start = day.AtMidnight().InZoneStrictly(Zone).ToInstant();
        var end = day.PlusDays(1).AtMidnight().InZoneStrictly(Zone).ToInstant();
        var workingTime = calendar.WorkingTimeBetween(start, end);
        return calendar.AddWorkingTime(start, Duration.FromSeconds(rng.NextDouble() * workingTime.TotalSeconds * 0.98));
    }

    static double ReportWeight(LocalDate d, bool workingDay)
    {
        var weekday = d.DayOfWeek switch
        {
            IsoDayOfWeek.Monday => 1.2, IsoDayOfWeek.Tuesday => 1.1, IsoDayOfWeek.Wednesday => 1.05,
            IsoDayOfWeek.Thursday => 1.0, IsoDayOfWeek.Friday => 0.95, IsoDayOfWeek.Saturday => 0.6, _ => 0.5,
        };
        var holiday = !workingDay && d.DayOfWeek < IsoDayOfWeek.Saturday ? 0.6 : 1.0;
        return weekday * holiday * TetFactor(d) * FloodFactor(d);
    }

    /// <summary>The desk is busiest on Monday and in the weeks before Tết, when people settle papers for the new year.</summary>
    static double DeskWeight(LocalDate d)
    {
        var weekday = d.DayOfWeek == IsoDayOfWeek.Monday ? 1.2 : 1.0;
        var beforeTet = LunarNewYears.Any(t => Period.Between(d, t, PeriodUnits.Days).Days is >= 7 and <= 25) ? 1.3 : 1.0;
        return weekday * beforeTet * TetFactor(d);
    }

    static double TetFactor(LocalDate d)
    {
        foreach (var tet in LunarNewYears)
        {
            var offset = Period.Between(tet, d, PeriodUnits.Days).Days;
            if (offset is >= -3 and <= 5) return 0.25;
            if (offset is >= -7 and <= 9) return 0.6;
        }
        return 1.0;
    }

    /// <summary>The flood season: storms and floods from late September, peaking in October and November.</summary>
    static double FloodFactor(LocalDate d) => d.Month switch
    {
        9 => d.Day > 20 ? 1.2 : 1.0,
        10 => 1.6,
        11 => 1.8,
        12 => d.Day <= 15 ? 1.2 : 1.0,
        _ => 1.0,
    };

    /// <summary>Use of the app grows over the year: 15 % fewer reports at the start, 15 % more at the end.</summary>
    double Trend(int dayIndex) => 0.85 + 0.3 * dayIndex / Math.Max(1, days.Length - 1);

    static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        return weights.Select(w => sum += w).ToArray();
    }

    static int Pick(double[] cumulative, Random rng)
    {
        var x = rng.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i + 1, cumulative.Length - 1);
    }

    /// <summary>Whether the instant is in a flood-season month (more flood topics then).</summary>
    public static bool InFloodSeason(Instant at) => at.InZone(Zone).Month is 10 or 11;
}
