using NodaTime;

namespace Cases.Sla;

// Working days: the statutory processing time of administrative dossiers.
public sealed partial class WorkingCalendar
{
    /// <summary>
    /// The due time of a dossier received at <paramref name="receivedAt"/> whose statutory processing time is
    /// <paramref name="workingDays"/> working days: the end of the last working period of the
    /// <paramref name="workingDays"/>-th working day after the day of receipt (17:00 in the default week).
    /// <list type="number">
    /// <item><b>Day of receipt.</b> A dossier received on a working day at or before <see cref="ReceiptCutoff"/>
    /// (15:00; earlier if that day's last period ends earlier) is received that day, even before opening hours.
    /// Received later, or on a day off, it is received on the next working day. This is the one-stop desks'
    /// 15:00 rule: dossiers received after 15:00 are handled as the next working day's (Law on Civil Status 2014
    /// and Decree 123/2015/ND-CP for same-day procedures; Decree 61/2018/ND-CP as amended by Decree
    /// 107/2021/ND-CP, online dossiers received outside working hours count from the next working day).</item>
    /// <item><b>Counting.</b> The day of receipt is not counted (Civil Code 2015, Article 147(1): a period in days
    /// starts on the day after the event); the period ends at the end of its last day (Article 148), and only
    /// working days are counted because the procedures' times are stated in working days (ngày làm việc).</item>
    /// <item><b>Zero days</b> (same-day procedures, e.g. birth registration) are due at the end of the day of
    /// receipt, so a dossier received after 15:00 is due at the end of the next working day.</item>
    /// </list>
    /// Example: received Monday 2025-03-03 10:00 with 3 working days, due Thursday 2025-03-06 17:00; received
    /// Monday 15:30, due Friday 17:00.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    public Instant AddWorkingDays(Instant receivedAt, int workingDays)
    {
        if (workingDays < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays, "Working days cannot be negative.");
        }

        var day = DayOfReceipt(receivedAt);
        for (var i = 0; i < workingDays; i++)
        {
            day = NextWorkingDayAfter(day);
        }

        return PeriodsOn(day)[^1].End;
    }

    /// <summary>The working day on which a dossier received at <paramref name="receivedAt"/> counts as received.</summary>
    private LocalDate DayOfReceipt(Instant receivedAt)
    {
        var local = receivedAt.InZone(Zone).LocalDateTime;
        var periods = WallClockPeriodsOn(local.Date);
        if (periods.Count > 0)
        {
            var lastEnd = periods[^1].End;
            var cutoff = ReceiptCutoff < lastEnd ? ReceiptCutoff : lastEnd;
            if (local.TimeOfDay <= cutoff)
            {
                return local.Date;
            }
        }

        return NextWorkingDayAfter(local.Date);
    }

    private LocalDate NextWorkingDayAfter(LocalDate date)
    {
        for (var days = 1; ; days++)
        {
            var next = date.PlusDays(days);
            if (WallClockPeriodsOn(next).Count > 0)
            {
                return next;
            }

            GuardAgainstEndlessSearch(days, next);
        }
    }
}
