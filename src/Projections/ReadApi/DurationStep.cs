namespace Cases.Projections.ReadApi;

/// <summary>The step a duration measures, each from the start of the case's cycle (receipt, or reopening).</summary>
public enum DurationStep { Verify, Assign, Resolve }
