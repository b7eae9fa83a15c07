namespace Cases.Projections.ReadApi;

/// <summary>
/// Late and on-time rates of one group, with the counts behind them. Rates are null when their denominator is 0.
/// <c>Agency</c> groups use "" for cases no agency holds.
/// </summary>
public sealed record LateRateRow(
    string Group, long Resolved, long ResolvedOnTime, long ResolvedLate, long OpenAtEnd, long OpenOverdue,
    double? LateRate, double? OnTimeRate, double? OpenOverdueRate)
{
    /// <summary>
    /// The ranking's figure (issue 20): (late resolved + open overdue at period end) ÷ (resolved + open overdue at period
    /// end). A case left overdue counts as a late one, so an agency cannot improve its place by not resolving: resolving
    /// an overdue case late moves it from one term to the other and leaves the figure as it was or lower, never higher.
    /// </summary>
    public double? LateOrOverdueRate => Resolved + OpenOverdue == 0 ? null : (double)(ResolvedLate + OpenOverdue) / (Resolved + OpenOverdue);
}
