using NodaTime;

namespace Cases.Projections.Statistics;

/// <summary>A cell of projections.sla_monthly. <c>Agency</c> is '' while a case has none.</summary>
internal readonly record struct MonthlyKey(string Agency, string Category, string Ward, string Channel, LocalDate Month);

/// <summary>
/// What one case-cycle contributes to projections.sla_monthly, so a batch can apply the difference between a
/// row before and after it (subtract the old contribution, add the new): a reclassified or transferred case
/// moves its counts to its new cell. Each count sits in the local month (Asia/Ho_Chi_Minh) its event happened.
/// </summary>
internal sealed class MonthlyCounts
{
    /// <summary>Column order of sla_monthly's counts.</summary>
    public const int Received = 0, Resolved = 1, OnTime = 2, Late = 3, Rejected = 4, RatingCount = 5, RatingSum = 6,
        Rating1 = 7, Satisfied = 12, Width = 13;

    static readonly DateTimeZone Zone = Cases.Sla.WorkingCalendar.Zone;

    public Dictionary<MonthlyKey, long[]> Cells { get; } = [];

    public void Add(SlaFactRow f, int sign)
    {
        var agency = f.LeadAgency ?? "";
        if (f.Cycle == 1) Bump(f, agency, f.ReceivedAt, Received, sign);
        if (f.RejectedAt is { } rejected) Bump(f, agency, rejected, Rejected, sign);
        if (f.ResolvedAt is { } resolved)
        {
            Bump(f, agency, resolved, Resolved, sign);
            Bump(f, agency, resolved, f.Late == true ? Late : OnTime, sign);
        }
        if (f.RatedAt is { } rated && f.Rating is { } score)
        {
            Bump(f, agency, rated, RatingCount, sign);
            Bump(f, agency, rated, RatingSum, sign * score);
            Bump(f, agency, rated, Rating1 + Math.Clamp(score, 1, 5) - 1, sign);
            if (f.Satisfied == true) Bump(f, agency, rated, Satisfied, sign);
        }
    }

    void Bump(SlaFactRow f, string agency, Instant at, int column, int delta)
    {
        var date = at.InZone(Zone).Date;
        var key = new MonthlyKey(agency, f.Category, f.Ward, f.Channel, new LocalDate(date.Year, date.Month, 1));
        if (!Cells.TryGetValue(key, out var counts)) Cells[key] = counts = new long[Width];
        counts[column] += delta;
    }
}
