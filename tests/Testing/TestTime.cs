using NodaTime;

namespace Cases.Testing;

/// <summary>Instants the tests start from (clocks are NodaTime.Testing's <c>FakeClock</c>).</summary>
public static class TestTime
{
    /// <summary>A Monday morning in Huế, in working time.</summary>
    public static Instant MondayMorning => Instant.FromUtc(2026, 3, 2, 2, 0); // 09:00 +07:00
}
