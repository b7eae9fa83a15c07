using NodaTime;

namespace Cases.Testing;

/// <summary>A clock tests set and advance by hand (NodaTime.Testing is not in our package source).</summary>
public sealed class FakeClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;
    public Instant GetCurrentInstant() => Now;
    public void Advance(Duration d) => Now += d;

    /// <summary>A Monday morning in Huế, in working time.</summary>
    public static Instant MondayMorning => Instant.FromUtc(2026, 3, 2, 2, 0); // 09:00 +07:00
}
