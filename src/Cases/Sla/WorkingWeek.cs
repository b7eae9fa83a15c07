using NodaTime;

namespace Cases.Sla;

/// <summary>
/// The working periods of each day of the week for one agency, plus the periods of a make-up working day
/// (a Saturday declared a working day by the holiday data). It says nothing about holidays: those are data,
/// in the yearly calendar files. Immutable; the <c>With...</c> methods return new weeks.
/// </summary>
public sealed class WorkingWeek
{
    private static readonly IReadOnlyList<WorkingPeriod> StandardDay =
        [WorkingPeriod.Of(7, 30, 11, 30), WorkingPeriod.Of(13, 30, 17, 0)];

    private readonly IReadOnlyList<WorkingPeriod>[] days; // index 0 = Monday ... 6 = Sunday (IsoDayOfWeek - 1)

    private WorkingWeek(IReadOnlyList<WorkingPeriod>[] days, IReadOnlyList<WorkingPeriod> makeUpDay)
    {
        if (days.All(d => d.Count == 0))
        {
            // Without a single working period, every search for the next working instant would never end.
            throw new ArgumentException("A working week needs at least one working period.");
        }

        this.days = days;
        MakeUpDay = makeUpDay;
    }

    /// <summary>
    /// The default week of the province's state agencies: Monday to Friday, 07:30-11:30 and 13:30-17:00;
    /// a make-up Saturday follows the same hours.
    /// </summary>
    public static WorkingWeek Default { get; } = new(
        [StandardDay, StandardDay, StandardDay, StandardDay, StandardDay, [], []],
        StandardDay);

    /// <summary>The periods of a date declared a make-up working day by the holiday data.</summary>
    public IReadOnlyList<WorkingPeriod> MakeUpDay { get; }

    /// <summary>The periods of an ordinary (non-holiday) day of the given weekday.</summary>
    public IReadOnlyList<WorkingPeriod> On(IsoDayOfWeek day) => days[Index(day)];

    /// <summary>A week equal to this one except that <paramref name="day"/> has the given periods (none: a day off).</summary>
    public WorkingWeek WithDay(IsoDayOfWeek day, params WorkingPeriod[] periods)
    {
        var copy = (IReadOnlyList<WorkingPeriod>[])days.Clone();
        copy[Index(day)] = Checked(periods);
        return new WorkingWeek(copy, MakeUpDay);
    }

    /// <summary>A week equal to this one except for the periods of make-up working days.</summary>
    public WorkingWeek WithMakeUpDay(params WorkingPeriod[] periods) => new(days, Checked(periods));

    public override string ToString() =>
        string.Join("; ", Enumerable.Range(0, 7)
            .Where(i => days[i].Count > 0)
            .Select(i => $"{(IsoDayOfWeek)(i + 1)} {string.Join(", ", days[i])}"));

    private static int Index(IsoDayOfWeek day) =>
        day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday
            ? (int)day - 1
            : throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week.");

    private static IReadOnlyList<WorkingPeriod> Checked(WorkingPeriod[] periods)
    {
        var sorted = periods.OrderBy(p => p.Start).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Start < sorted[i - 1].End)
            {
                throw new ArgumentException($"Working periods overlap: {sorted[i - 1]} and {sorted[i]}.", nameof(periods));
            }
        }

        return sorted;
    }
}
