namespace Cases.Projections.ReadApi;

/// <summary>What the statisticians group by (DESIGN 0). <c>Month</c> groups are "yyyy-MM", local months.</summary>
public enum StatisticsGrouping { Agency, Category, Ward, Channel, Month }
