using NodaTime;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// The clock the seeder drives the real command handler with: each step of a demo case runs at the instant its
/// script planned, so events get realistic <c>occurred_at</c> times across a whole year.
/// <para>
/// Several cases run at once (DemoData keeps up to <see cref="SeedOptions.Parallelism"/> commands in flight),
/// each at its own instant, so the instant is set per asynchronous flow (<see cref="AsyncLocal{T}"/>): the
/// handler reads the clock inside the flow that <see cref="Set"/> was called in. Outside any such flow the
/// clock shows the latest instant set. It is not the tests' FakeClock: that one lives in the test project.
/// </para>
/// </summary>
public sealed class SeedClock(Instant start) : IClock
{
    readonly AsyncLocal<Instant?> flow = new();
    readonly Lock gate = new();
    Instant latest = start;

    /// <summary>The latest instant any flow was set to: how far the seed has advanced.</summary>
    public Instant Latest
    {
        get { lock (gate) return latest; }
    }

    /// <summary>Sets the instant for the calling asynchronous flow (and what it awaits from here on).</summary>
    public void Set(Instant instant)
    {
        flow.Value = instant;
        lock (gate) latest = Instant.Max(latest, instant);
    }

    public Instant GetCurrentInstant() => flow.Value ?? Latest;
}
