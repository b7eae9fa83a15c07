using Cases.Domain;
using Cases.EventStore;
using Cases.Testing;
using Marten;
using NodaTime;
using static Cases.Domain.CaseEvent;

namespace Cases.Projections.Tests;

/// <summary>
/// Scripted case streams appended through Marten, as the write side appends them (without the hash chain,
/// which projections do not read). Times are elapsed hours from a Monday morning in Huế
/// (<see cref="TestTime.MondayMorning"/>), so due times read plainly.
/// </summary>
sealed class CaseStreams(IDocumentStore store)
{
    public static readonly Instant T0 = TestTime.MondayMorning;
    public static Instant H(double hours) => T0 + Duration.FromMinutes(hours * 60);

    public static string NewCode(string prefix = "HUE") => $"{prefix}-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    public static CaseReceived Report(
        string code, Instant? at = null, string category = "sanitation_environment", string ward = "Phú Hội",
        Channel channel = Channel.App, Guid? reporter = null) =>
        new(at ?? T0, CaseKind.FieldReport, code, channel, category, "Rác thải ở ngõ 12", new GeoPoint(16.463712, 107.590488), ward,
            ["photo-1"], reporter, category == CaseDecider.MisconductCategory, (at ?? T0) + Duration.FromHours(4), "test-1", "elapsed-time");

    public static CaseReceived Dossier(string code, Instant? at = null) =>
        new(at ?? T0, CaseKind.Dossier, code, Channel.Desk, "construction_permit", "Xin phép xây dựng", null, "Vỹ Dạ",
            [], null, false, null, "test-1", "elapsed-time");

    /// <summary>Appends events to a new stream and returns its id.</summary>
    public async Task<Guid> NewAsync(params CaseEvent[] events)
    {
        var id = Guid.CreateVersion7();
        await using var session = Session(store.LightweightSession());
        session.Events.StartStream(id, events);
        await session.SaveChangesAsync();
        return id;
    }

    public async Task AppendAsync(Guid id, params CaseEvent[] events)
    {
        await using var session = Session(store.LightweightSession());
        session.Events.Append(id, events);
        await session.SaveChangesAsync();
    }

    /// <summary>The metadata the write side sets on every event.</summary>
    public static IDocumentSession Session(IDocumentSession session)
    {
        session.CorrelationId = "corr-1";
        session.LastModifiedBy = "operator-7";
        session.SetHeader(EventHeaders.Command, "test");
        session.SetHeader(EventHeaders.ActorRole, "operator");
        return session;
    }

    /// <summary>
    /// A field report's whole life: received, verified, assigned, accepted, information requested and provided
    /// (the clock paused 19 h), progress, resolved late, rated 4 and satisfied.
    /// </summary>
    public static CaseEvent[] FullLifecycle(string code, string agency = "so-tai-nguyen-moi-truong", Instant? at = null, string ward = "Phú Hội")
    {
        var t = at ?? T0;
        Instant At(double h) => t + Duration.FromMinutes(h * 60);
        return
        [
            Report(code, t, ward: ward),
            new CaseVerified(At(1), "ảnh rõ"),
            new CaseAssigned(At(2), agency, ["ubnd-phu-hoi"], At(42), At(4), "test-1", "elapsed-time"),
            new AssignmentAccepted(At(3), agency),
            new InformationRequested(At(5), "Xin vị trí chính xác?", At(125)),
            new InformationProvided(At(24), "Ngõ 12, gần chợ", InformationRequestEffect.Pause, SlaTimer.Resolve, At(61), null, "test-1", "elapsed-time"),
            new ProgressNoted(At(30), agency, "Đã cử đội thu gom."),
            new CaseResolved(At(96), agency, "Đã thu gom rác và xử phạt.", ["photo-2"], At(61), false),
            new CaseRated(At(120), 4, "Cảm ơn anh Nguyễn Văn A", true),
        ];
    }
}
