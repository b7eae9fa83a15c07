using NodaTime;

namespace Cases.Sla;

/// <summary>
/// One stretch of working time within a day, as wall-clock times in the calendar's zone:
/// from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive), e.g. 07:30-11:30.
/// It is not an interval of instants: it only becomes one on a given date, inside <see cref="WorkingCalendar"/>.
/// </summary>
public readonly record struct WorkingPeriod
{
    public WorkingPeriod(LocalTime start, LocalTime end)
    {
        // A period ending at midnight cannot be written as a LocalTime after its start; agencies
        // do not work through midnight, so 23:59 is the latest end we need.
        if (end <= start)
        {
            throw new ArgumentException($"A working period must end after it starts: {start:HH:mm}-{end:HH:mm}.", nameof(end));
        }

        Start = start;
        End = end;
    }

    public LocalTime Start { get; }

    public LocalTime End { get; }

    /// <summary>The length of the period.</summary>
    public Duration Length => Duration.FromNanoseconds(End.NanosecondOfDay - Start.NanosecondOfDay);

    public static WorkingPeriod Of(int startHour, int startMinute, int endHour, int endMinute) =>
        new(new LocalTime(startHour, startMinute), new LocalTime(endHour, endMinute));

    public override string ToString() => $"{Start:HH:mm}-{End:HH:mm}";
}
