namespace Cases.Projections.ReadApi;

/// <summary>
/// Late and on-time rates of one group, with the counts behind them. Rates are null when their denominator is 0.
/// <c>Agency</c> groups use "" for cases no agency holds.
/// </summary>
public sealed record LateRateRow(
    string Group, long Resolved, long ResolvedOnTime, long ResolvedLate, long OpenAtEnd, long OpenOverdue,
    double? LateRate, double? OnTimeRate, double? OpenOverdueRate);
