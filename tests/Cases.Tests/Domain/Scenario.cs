using Cases.Domain;
using Cases.Testing;
using NodaTime;
using static Cases.Domain.CaseEvent;

namespace Cases.Tests.Domain;

/// <summary>Given events / when a command / then events or an error: the decider's tests read this way.</summary>
public static class Scenario
{
    public static readonly Guid CaseId = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    public static readonly Instant T0 = TestTime.MondayMorning;
    public static readonly Guid Reporter = Guid.Parse("0190a000-0000-7000-8000-0000000000aa");

    public static readonly Actor Operator = new("op-1", Role.Operator);
    public static readonly Actor LeadAgency = new("key-a", Role.Agency, "agency-a");
    public static readonly Actor OtherAgency = new("key-b", Role.Agency, "agency-b");
    public static readonly Actor Citizen = new("citizen", Role.Citizen);
    public static readonly Actor Public = new("anonymous", Role.Public);
    public static readonly Actor Auditor = new("aud-1", Role.Auditor);
    public static readonly Actor Admin = new("admin-1", Role.Admin);

    static Instant H(double hours) => T0 + Duration.FromMinutes(hours * 60);

    public static CaseReceived Received(CaseKind kind, string? category = null) => new(
        T0, kind, "HUE-2026-000001", Channel.App, category ?? (kind == CaseKind.FieldReport ? "sanitation_environment" : "construction_permit"),
        "Rác chưa được thu gom ở đường Lê Lợi", new GeoPoint(16.4637, 107.5909), "Thuận Hóa", [], Reporter, false,
        kind == CaseKind.FieldReport ? T0 + FixedSlaRules.Verify : null, "test-1", "elapsed-time");

    public static CaseEvent Verified(CaseKind kind) => kind == CaseKind.FieldReport
        ? new CaseVerified(H(1), null)
        : new DossierAccepted(H(1), H(1) + FixedSlaRules.Statutory, "test-1", "elapsed-time");

    public static CaseAssigned Assigned(CaseKind kind) =>
        new(H(2), "agency-a", [], kind == CaseKind.FieldReport ? H(2) + FixedSlaRules.Resolve : H(1) + FixedSlaRules.Statutory,
            H(2) + FixedSlaRules.Accept, "test-1", "elapsed-time");

    /// <summary>The histories that lead to each state the matrix covers, by state name.</summary>
    public static IReadOnlyDictionary<string, CaseEvent[]> Histories(CaseKind k)
    {
        var received = new CaseEvent[] { Received(k) };
        var verified = received.Append(Verified(k)).ToArray();
        var assigned = verified.Append(Assigned(k)).ToArray();
        var inProgress = assigned.Append(new AssignmentAccepted(H(3), "agency-a")).ToArray();
        var waiting = inProgress.Append(new InformationRequested(H(4), "Ảnh chụp rõ hơn?", H(4) + FixedSlaRules.Reply)).ToArray();
        var resolved = inProgress.Append(new CaseResolved(H(5), "agency-a", "Đã thu gom", [], H(42), true)).ToArray();
        var rated = resolved.Append(new CaseRated(H(6), 5, null, true)).ToArray();
        var d = new Dictionary<string, CaseEvent[]>
        {
            ["received"] = received, ["verified"] = verified, ["assigned"] = assigned, ["in_progress"] = inProgress,
            ["waiting_for_citizen"] = waiting, ["resolved"] = resolved, ["rated"] = rated,
            ["closed"] = received.Append(new CaseClosed(H(1), "spam")).ToArray(),
            ["rejected"] = received.Append(k == CaseKind.FieldReport ? new CaseRejected(H(1), "no evidence") : new DossierRefused(H(1), "incomplete")).ToArray(),
            ["withdrawn"] = received.Append(new CaseWithdrawn(H(1), "fixed by myself")).ToArray(),
        };
        if (k == CaseKind.FieldReport) d["duplicate"] = received.Append(new DuplicateLinked(H(1), Guid.NewGuid())).ToArray();
        if (k == CaseKind.FieldReport) d["closed_after_verification"] = verified.Append(new CaseClosed(H(3), "fixed meanwhile")).ToArray();
        return d;
    }

    public static CaseState Given(params CaseEvent[] events) => CaseState.Fold(CaseId, events);

    public static Decision When(CaseState state, CaseCommand command, Actor actor, Instant? now = null, ISlaRules? sla = null) =>
        CaseDecider.Decide(command, state, new DecideContext(now ?? H(7), actor, sla ?? FixedSlaRules.Instance));

    public static IReadOnlyList<CaseEvent> ThenEvents(Decision d) =>
        d is Decision.Accept a ? a.Events : throw new Xunit.Sdk.XunitException($"Expected events, got {((Decision.Refuse)d).Error}");

    public static DomainError ThenError(Decision d, string code)
    {
        var e = d is Decision.Refuse r ? r.Error : throw new Xunit.Sdk.XunitException($"Expected {code}, got events {string.Join(", ", ((Decision.Accept)d).Events)}");
        Assert.Equal(code, e.Code);
        return e;
    }
}
