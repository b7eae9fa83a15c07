using Cases.Domain;
using Cases.EventStore;
using Cases.Testing;
using NodaTime;

namespace Cases.Tests.EventStore;

/// <summary>Small builders for event store tests.</summary>
static class Events
{
    public static readonly Instant T0 = TestTime.MondayMorning;

    public static CaseEvent.CaseReceived Received(string trackingCode, string description = "Đèn đường hỏng ở Kim Long") => new(
        T0, CaseKind.FieldReport, trackingCode, Channel.App, "urban_infrastructure", description,
        new GeoPoint(16.46, 107.55), "Kim Long", ["photo-1"], null, false, T0 + Duration.FromHours(4), "p1", "c1");

    public static EventMetadata Meta(string command = "test") => new("corr-1", null, "op-1", Role.Operator, null, command);

    public static string NewCode() => $"HUE-T-{Guid.NewGuid():N}"[..20];
}
