namespace Cases.Projections.ReadApi;

/// <summary>
/// Ratings given in the period in one group: the 1..5 histogram (<c>Histogram[0]</c> counts 1s), the share of
/// raters who said they were satisfied, and the mean score. Null shares when there is no rating.
/// </summary>
public sealed record SatisfactionRow(string Group, long Ratings, IReadOnlyList<long> Histogram, long Satisfied, double? ShareSatisfied, double? MeanScore);
