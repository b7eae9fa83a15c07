using Cases.Domain;
using NodaTime;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// What a set of cases looks like at an instant: counts by kind and status and by category, resolutions and
/// how many were late (DESIGN 2.4: resolved after the effective due time), ratings, and what is open and
/// overdue (a running clock past its due time). Computed from events only, so the seeder's view of what it
/// wrote and a read of the store give the same summary.
/// </summary>
public sealed record SeedSummary(
    int Cases,
    IReadOnlyDictionary<string, int> ByKindAndStatus,
    IReadOnlyDictionary<string, int> ByCategory,
    int FieldReports,
    int FieldReportsRejectedOrDuplicate,
    int Resolutions,
    int LateResolutions,
    int Ratings,
    int SatisfiedRatings,
    double MeanRating,
    int Open,
    int Overdue,
    int Agencies)
{
    public double LateShare => Resolutions == 0 ? 0 : (double)LateResolutions / Resolutions;
    public double SatisfiedShare => Ratings == 0 ? 0 : (double)SatisfiedRatings / Ratings;
    public double RejectedOrDuplicateShare => FieldReports == 0 ? 0 : (double)FieldReportsRejectedOrDuplicate / FieldReports;

    /// <summary>The summary of these case streams (each in version order) as of <paramref name="now"/>.</summary>
    public static SeedSummary From(IEnumerable<IReadOnlyList<CaseEvent>> streams, Instant now, int agencies)
    {
        var builder = new Builder();
        foreach (var events in streams) builder.Add(events);
        return builder.Build(now, agencies);
    }

    /// <summary>Adds cases one at a time, keeping only their final states (a million-case bulk seed streams through it).</summary>
    public sealed class Builder
    {
        readonly List<CaseState> states = [];
        int resolutions, late, ratings, satisfied, scoreSum;

        public void Add(IReadOnlyList<CaseEvent> events)
        {
            if (events.Count == 0) return;
            lock (states)
            {
                states.Add(CaseState.Fold(Guid.Empty, events));
                foreach (var e in events)
                {
                    switch (e)
                    {
                        case CaseEvent.CaseResolved r:
                            resolutions++;
                            if (!r.OnTime) late++;
                            break;
                        case CaseEvent.CaseRated r:
                            ratings++;
                            scoreSum += r.Score;
                            if (r.Satisfied) satisfied++;
                            break;
                    }
                }
            }
        }

        public SeedSummary Build(Instant now, int agencies)
        {
            var open = states.Where(s => !s.IsFinal && s.Status != CaseStatus.Resolved).ToList();
            var reports = states.Where(s => s.Kind == CaseKind.FieldReport).ToList();
            return new SeedSummary(
                states.Count,
                Count(states, s => $"{Name(s.Kind)}/{CaseDecider.StatusName(s.Status)}"),
                Count(states, s => s.Category),
                reports.Count,
                reports.Count(s => s.Status is CaseStatus.Rejected or CaseStatus.Duplicate),
                resolutions, late, ratings, satisfied,
                ratings == 0 ? 0 : Math.Round((double)scoreSum / ratings, 3),
                open.Count,
                open.Count(s => s.RunningClock is { } clock && clock.DueAt < now),
                agencies);
        }
    }

    public static string Name(CaseKind kind) => kind == CaseKind.FieldReport ? "field_report" : "dossier";

    static IReadOnlyDictionary<string, int> Count(IEnumerable<CaseState> states, Func<CaseState, string> key) =>
        new SortedDictionary<string, int>(states.GroupBy(key).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
}
