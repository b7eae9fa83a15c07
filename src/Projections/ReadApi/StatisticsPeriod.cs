using NodaTime;

namespace Cases.Projections.ReadApi;

/// <summary>
/// Whole local months, <c>From</c> to <c>To</c> inclusive, in the province's zone (Asia/Ho_Chi_Minh): the grain of
/// projections.sla_monthly. <see cref="Start"/> and <see cref="End"/> are the instants that bound it; the period
/// end, for "open at period end", is <see cref="End"/> (midnight starting the month after <c>To</c>).
/// </summary>
public sealed record StatisticsPeriod(YearMonth From, YearMonth To)
{
    static readonly DateTimeZone Zone = Cases.Sla.WorkingCalendar.Zone;

    public Instant Start => From.OnDayOfMonth(1).AtStartOfDayInZone(Zone).ToInstant();
    public Instant End => To.OnDayOfMonth(1).PlusMonths(1).AtStartOfDayInZone(Zone).ToInstant();

    internal DateOnly FirstMonth => new(From.Year, From.Month, 1);
    internal DateOnly LastMonth => new(To.Year, To.Month, 1);

    public static StatisticsPeriod Month(int year, int month) => new(new YearMonth(year, month), new YearMonth(year, month));
}
