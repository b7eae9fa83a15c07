using NodaTime;

namespace Cases.Sla;

// Where holiday data meets the working week: the periods of one date.
public sealed partial class WorkingCalendar
{
    /// <summary>The wall-clock working periods of <paramref name="date"/>, after holidays and make-up days.</summary>
    private IReadOnlyList<WorkingPeriod> WallClockPeriodsOn(LocalDate date)
    {
        if (years.TryGetValue(date.Year, out var year))
        {
            if (year.Holidays.ContainsKey(date))
            {
                return [];
            }

            if (year.Workdays.ContainsKey(date))
            {
                return Week.MakeUpDay;
            }
        }
        else if (uncoveredYears == UncoveredYears.Refuse)
        {
            throw new CalendarRangeException(date, CalendarVersion);
        }

        return Week.On(date.DayOfWeek);
    }

    /// <summary>The working periods of <paramref name="date"/> as instants, in order.</summary>
    private IReadOnlyList<(Instant Start, Instant End)> PeriodsOn(LocalDate date)
    {
        var periods = WallClockPeriodsOn(date);
        if (periods.Count == 0)
        {
            return [];
        }

        var result = new (Instant, Instant)[periods.Count];
        for (var i = 0; i < periods.Count; i++)
        {
            // Strict: Asia/Ho_Chi_Minh has had no transition since 1975, so a skipped or repeated local time here
            // would mean the zone data changed under us, and that should fail loudly, not be guessed around.
            result[i] = (
                date.At(periods[i].Start).InZoneStrictly(Zone).ToInstant(),
                date.At(periods[i].End).InZoneStrictly(Zone).ToInstant());
        }

        return result;
    }
}
