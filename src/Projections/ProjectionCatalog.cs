using Cases.Projections.Daemon;
using Cases.Projections.PublicCases;
using Cases.Projections.Queues;
using Cases.Projections.Statistics;
using Cases.Sla;

namespace Cases.Projections;

/// <summary>Every projection the daemon runs, in one visible list (no scanning): adding a read model is a line here.</summary>
public static class ProjectionCatalog
{
    /// <param name="calendar">The working-time calendar the statistics measure durations with (the province's standard week).</param>
    public static IReadOnlyList<IProjection> All(WorkingCalendar calendar) =>
    [
        new PublicCasesProjection(),
        new SlaProjection(calendar),
        new AgencyQueuesProjection(),
    ];
}
