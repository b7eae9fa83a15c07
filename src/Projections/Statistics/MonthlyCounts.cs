using NodaTime;

namespace Cases.Projections.Statistics;

/// <summary>A cell of projections.sla_monthly. <c>Agency</c> is '' while a case has none.</summary>
internal readonly record struct MonthlyKey(string Agency, string Category, string Ward, string Channel, LocalDate Month);

/// <summary>
/// What one case-cycle contributes to projections.sla_monthly, so a batch can apply the difference between a
/// row before and after it (subtract the old contribution, add the new): a reclassified or transferred case
/// moves its counts to its new cell. Each count sits in the local month (Asia/Ho_Chi_Minh) its event happened.
/// <see cref="Rollup"/> gives the same differences per single dimension, for projections.sla_rollup.
/// </summary>
internal sealed class MonthlyCounts
{
    /// <summary>Column order of sla_monthly's counts.</summary>
    public const int Received = 0, Resolved = 1, OnTime = 2, Late = 3, Rejected = 4, RatingCount = 5, RatingSum = 6,
        Rating1 = 7, Satisfied = 12, Opened = 13, Closed = 14, OverdueFrom = 15, OverdueTo = 16, Width = 17;

    /// <summary>The counts sla_monthly keeps (the flows of open cases are in sla_rollup only).</summary>
    public const int MonthlyWidth = 13;

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

        // Open at an instant e: started before e, not ended before e. Open and overdue at e: besides, its current
        // due time (the verify clock's until then) is before e and its clock is not paused before e. Both are
        // "a < e <= b" for an interval (a, b], counted as +1 in a's month and -1 in b's.
        Bump(f, agency, f.CycleStartedAt, Opened, sign);
        if (f.EndedAt is { } ended) Bump(f, agency, ended, Closed, sign);
        if ((f.ExtendedDueAt ?? f.DueAt ?? f.VerifyDueAt) is { } due)
        {
            var from = Instant.Max(due, f.CycleStartedAt);
            Instant? to = f.EndedAt is { } e ? (f.PausedAt is { } p ? Instant.Min(e, p) : e) : f.PausedAt;
            if (to is null || from < to)
            {
                Bump(f, agency, from, OverdueFrom, sign);
                if (to is { } stop) Bump(f, agency, stop, OverdueTo, sign);
            }
        }
    }

    /// <summary>The cells' differences summed per (dimension, group, month): each cell counts once in each dimension and in 'all'.</summary>
    public Dictionary<(string Dimension, string Group, LocalDate Month), long[]> Rollup()
    {
        var rollup = new Dictionary<(string, string, LocalDate), long[]>();
        foreach (var (key, counts) in Cells)
            foreach (var (dimension, group) in new[] { ("agency", key.Agency), ("category", key.Category), ("ward", key.Ward), ("channel", key.Channel), ("all", "") })
            {
                if (!rollup.TryGetValue((dimension, group, key.Month), out var sum)) rollup[(dimension, group, key.Month)] = sum = new long[Width];
                for (var i = 0; i < Width; i++) sum[i] += counts[i];
            }
        return rollup;
    }

    void Bump(SlaFactRow f, string agency, Instant at, int column, int delta)
    {
        var date = at.InZone(Zone).Date;
        var key = new MonthlyKey(agency, f.Category, f.Ward, f.Channel, new LocalDate(date.Year, date.Month, 1));
        if (!Cells.TryGetValue(key, out var counts)) Cells[key] = counts = new long[Width];
        counts[column] += delta;
    }
}
