namespace Cases.Projections.ReadApi;

/// <summary>Median and 90th percentile of one step's duration in one group, in working hours, over <c>Count</c> cases.</summary>
public sealed record DurationRow(string Group, DurationStep Step, long Count, double MedianWorkingHours, double P90WorkingHours);
