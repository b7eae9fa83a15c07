using NodaTime;

namespace Cases.Sla;

/// <summary>
/// When a running SLA timer is reported as approaching its deadline (<c>DeadlineApproaching</c>): after a share
/// of the allowed working time, or a fixed working time before the due time. A closed set.
/// </summary>
public abstract record WarningThreshold
{
    private WarningThreshold()
    {
    }

    /// <summary>The instant to warn at, for a timer that started at <paramref name="clockStart"/> and is due at <paramref name="dueAt"/>.</summary>
    public Instant WarnAt(WorkingCalendar calendar, Instant clockStart, Instant dueAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var allowed = calendar.WorkingTimeBetween(clockStart, dueAt);
        if (allowed <= Duration.Zero)
        {
            return dueAt;
        }

        var elapsedAtWarning = this switch
        {
            PercentOfAllowedTime p => allowed * p.Percent / 100,
            BeforeDue b => b.WorkingTime >= allowed ? Duration.Zero : allowed - b.WorkingTime,
            _ => throw new InvalidOperationException("Unknown warning threshold."), // unreachable: the set is closed
        };
        return calendar.AddWorkingTime(clockStart, elapsedAtWarning);
    }

    /// <summary>Warn once <see cref="Percent"/> % (1 to 99) of the allowed working time has elapsed.</summary>
    public sealed record PercentOfAllowedTime : WarningThreshold
    {
        public PercentOfAllowedTime(int percent)
        {
            if (percent is < 1 or > 99)
            {
                throw new ArgumentOutOfRangeException(nameof(percent), percent, "A warning percentage is between 1 and 99.");
            }

            Percent = percent;
        }

        public int Percent { get; }

        public override string ToString() => $"{Percent}%";
    }

    /// <summary>Warn when <see cref="WorkingTime"/> of working time is left before the due time.</summary>
    public sealed record BeforeDue : WarningThreshold
    {
        public BeforeDue(Duration workingTime)
        {
            if (workingTime <= Duration.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(workingTime), workingTime, "The warning lead time must be positive.");
            }

            WorkingTime = workingTime;
        }

        public Duration WorkingTime { get; }

        public override string ToString() => $"before:{SlaPolicyParser.FormatDuration(WorkingTime)}";
    }
}
