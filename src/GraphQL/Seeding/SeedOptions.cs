using NodaTime;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// What to seed: <see cref="Cases"/> cases received over the twelve months before <see cref="ReferenceNow"/>,
/// drawn from <see cref="Seed"/>. The same seed and count give the same cases (content, timing and outcome);
/// only ids and tracking numbers differ between runs.
/// </summary>
public sealed record SeedOptions
{
    /// <summary>2026-11-20 09:00 +07:00: a Friday morning in the flood season.</summary>
    public static readonly Instant DefaultReferenceNow = Instant.FromUtc(2026, 11, 20, 2, 0);

    public int Cases { get; init; } = 2000;
    public int Seed { get; init; } = 42;

    /// <summary>The demo's "now": no step of any case happens after it, so cases received shortly before are still open.</summary>
    public Instant ReferenceNow { get; init; } = DefaultReferenceNow;

    /// <summary>
    /// The share of cases (0 to 1; 0 by default) whose lifecycle stops at an open stage (received, verified,
    /// assigned or in progress, <see cref="DemoPlan"/>), so that a load test reaches many open cases without
    /// seeding twenty times as many: the demo's own lifecycle leaves only the last weeks' cases open.
    /// </summary>
    public double OpenShare { get; init; }

    /// <summary>Commands in flight at once, each for a different case; a case's own commands stay in order.</summary>
    public int Parallelism { get; init; } = 8;
}
