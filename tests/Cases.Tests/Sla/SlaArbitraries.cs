using Cases.Sla;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Cases.Tests.Sla;

/// <summary>
/// Generators for the calendar laws: instants in Huế between 2025-01-01 and 2026-10-31, a third of them exactly
/// on a period boundary or the receipt cut-off; positive working times up to 300 h, a third of them a whole
/// number of periods or days, where off-by-one mistakes at period ends show.
/// </summary>
public static class SlaArbitraries
{
    private static readonly LocalDate First = new(2025, 1, 1);
    private static readonly int Days = Period.Between(First, new LocalDate(2026, 10, 31), PeriodUnits.Days).Days;
    private static readonly LocalTime[] Boundaries = [new(7, 30), new(11, 30), new(13, 30), new(17, 0), new(15, 0), new(0, 0)];
    private static readonly int[] RoundMinutes = [210, 240, 450, 900, 2250];

    public static Arbitrary<Moment> Moments() =>
        Gen.Choose(0, Days).SelectMany(
            day => Gen.Choose(0, 2).SelectMany(kind => kind == 0
                ? Gen.Elements(Boundaries)
                : Gen.Choose(0, 86_399).Select(s => LocalTime.FromSecondsSinceMidnight(s))),
            (day, time) => new Moment(First.PlusDays(day).At(time).InZoneStrictly(WorkingCalendar.Zone).ToInstant()))
        .ToArbitrary();

    public static Arbitrary<WorkingTime> WorkingTimes() =>
        Gen.Choose(0, 2).SelectMany(kind => kind == 0
                ? Gen.Elements(RoundMinutes)
                : Gen.Choose(1, 300 * 60))
            .Select(minutes => new WorkingTime(Duration.FromMinutes(minutes)))
            .ToArbitrary();
}

/// <summary>An instant, shown as Huế wall-clock time when a property fails.</summary>
public sealed record Moment(Instant Value)
{
    public override string ToString() => Value.InZone(WorkingCalendar.Zone).ToString("uuuu-MM-dd HH:mm:ss", null);
}

/// <summary>A positive working time.</summary>
public sealed record WorkingTime(Duration Value)
{
    public override string ToString() => Value.ToString();
}
