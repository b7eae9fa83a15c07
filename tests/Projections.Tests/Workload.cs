using Cases.Domain;
using NodaTime;
using static Cases.Domain.CaseEvent;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests;

/// <summary>
/// A mixed set of case streams touching every event type, for the fault tests: whatever happens to the daemon,
/// the read models must end up equal to a full rebuild over these.
/// </summary>
static class Workload
{
    public const int Kinds = 10;

    /// <summary>The i-th scripted stream (they cycle through <see cref="Kinds"/> shapes), starting <paramref name="i"/> hours after T0.</summary>
    public static CaseEvent[] Stream(int i, Guid? master = null)
    {
        var code = NewCode("HUE-W");
        var t = T0 + Duration.FromHours(i * 7);
        Instant At(double h) => t + Duration.FromMinutes(h * 60);
        var agency = $"agency-{i % 4}";
        var ward = $"ward-{i % 3}";
        CaseEvent[] assigned =
        [
            Report(code, t, ward: ward, channel: (Channel)(i % 5)),
            new CaseVerified(At(1), null),
            new CaseAssigned(At(2), agency, [], At(42), At(4), "test-1", "elapsed-time"),
            new AssignmentAccepted(At(3), agency),
        ];
        return (i % Kinds) switch
        {
            0 => FullLifecycle(code, agency, t, ward),
            1 => [Dossier(code, t), new DossierAccepted(At(1), At(241), "p", "c"), new CaseAssigned(At(2), agency, [], At(241), At(4), "p", "c"),
                  new ApologyIssued(At(200), At(300), "Xin lỗi."), new CaseResolved(At(290), agency, "Cấp phép.", [], At(241), false), new CaseRated(At(300), 2, null, false)],
            2 => [Report(code, t, ward: ward), new CaseRejected(At(1), "Trùng lặp thông tin."), new CaseClosed(At(2), "x")],
            3 when master is { } m => [Report(code, t, ward: ward), new DuplicateLinked(At(1), m)],
            4 => [Report(code, t, category: CaseDecider.MisconductCategory, ward: ward), new CaseVerified(At(1), null),
                  new CaseAssigned(At(2), "thanh-tra", [], At(42), At(4), "p", "c"), new CaseResolved(At(30), "thanh-tra", "Đã xử lý.", [], At(42), true)],
            5 => [.. assigned, new CaseResolved(At(10), agency, "Xong.", [], At(42), true), new CaseReopened(At(20), "Chưa xong."),
                  new CaseAssigned(At(21), agency, [], At(61), At(23), "p", "c"), new ResolutionReturned(At(22), "?"), new CaseResolved(At(70), agency, "Xong hẳn.", [], At(61), false),
                  new CaseRated(At(80), 5, null, true)],
            6 => [.. assigned, new CaseTransferred(At(5), agency, "agency-9", "Sai thẩm quyền."), new AssignmentDeclined(At(6), "agency-9", "Không nhận."),
                  new CaseClassified(At(7), "traffic_infrastructure", Priority.Urgent, "ward-x"), new CaseAssigned(At(8), agency, [], At(48), At(10), "p", "c")],
            7 => [.. assigned, new InformationRequested(At(5), "?", At(125)), new InformationRequestExpired(At(125))],
            8 => [.. assigned, new DeadlineApproaching(At(30), SlaTimer.Resolve, At(42)), new DeadlineBreached(At(42), SlaTimer.Resolve, At(42)),
                  new ExtensionGranted(At(43), At(60), "Mưa lớn."), new ProgressNoted(At(44), agency, "Đang làm."), new PersonalDataErased(At(45))],
            _ => [Report(code, t, ward: ward), new CaseWithdrawn(At(1), "Đã tự xử lý.")],
        };
    }
}
