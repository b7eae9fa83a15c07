namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// Every mutation by every kind of caller (DESIGN 7): the public, a citizen with the right secret and with a
/// wrong one, an operator, the assigned agency, another agency, an auditor. Each is allowed or FORBIDDEN, and
/// a refused call appends nothing. Staff callers prove who they are three ways (an API key, the console's
/// session cookie, a bearer token from the identity provider), and the verdicts are the same for all three.
/// </summary>
public class AuthorizationMatrixTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    readonly Lifecycle life = new(api);

    public enum Caller { Public, Citizen, CitizenWrongSecret, Operator, AssignedAgency, OtherAgency, Auditor }
    enum Needs { Received, Verified, Assigned, InProgress, Waiting, Resolved, DossierInProgress }
    enum Secret { None, Optional, Required }

    sealed record Row(string Mutation, Needs State, Func<string, object> Fields, Secret Secret, params Caller[] Allowed);

    static readonly string Later = "2030-01-01T09:00:00+07:00";
    static readonly Row[] Rows =
    [
        new("verifyCase", Needs.Received, _ => new { }, Secret.None, Caller.Operator),
        new("rejectCase", Needs.Received, _ => new { reason = "không đủ bằng chứng" }, Secret.None, Caller.Operator),
        new("classifyCase", Needs.Received, _ => new { category = "traffic_infrastructure", priority = "NORMAL", ward = "An Cựu" }, Secret.None, Caller.Operator),
        new("linkDuplicate", Needs.Received, master => new { masterTrackingCode = master }, Secret.None, Caller.Operator),
        new("assignCase", Needs.Verified, _ => new { leadAgency = "hepco" }, Secret.None, Caller.Operator),
        new("acceptAssignment", Needs.Assigned, _ => new { }, Secret.None, Caller.AssignedAgency),
        new("declineAssignment", Needs.Assigned, _ => new { reason = "không thuộc thẩm quyền" }, Secret.None, Caller.AssignedAgency),
        new("transferCase", Needs.Assigned, _ => new { toAgency = "ubnd-phu-hoi", reason = "địa bàn phường" }, Secret.None, Caller.Operator, Caller.AssignedAgency),
        new("noteProgress", Needs.InProgress, _ => new { publicText = "Đang xử lý" }, Secret.None, Caller.AssignedAgency),
        new("requestInformation", Needs.InProgress, _ => new { question = "Ảnh?" }, Secret.None, Caller.AssignedAgency),
        new("provideInformation", Needs.Waiting, _ => new { text = "Ảnh đây" }, Secret.Optional, Caller.Citizen, Caller.Operator),
        new("grantExtension", Needs.InProgress, _ => new { newDueAt = Later, reason = "cần nhà thầu" }, Secret.None, Caller.Operator),
        new("issueApology", Needs.DossierInProgress, _ => new { newDueAt = Later, reason = "thẩm định kéo dài" }, Secret.None, Caller.Operator, Caller.AssignedAgency),
        new("resolveCase", Needs.InProgress, _ => new { publicAnswer = "Đã xử lý" }, Secret.None, Caller.AssignedAgency),
        new("returnResolution", Needs.Resolved, _ => new { reason = "chưa sạch" }, Secret.None, Caller.Operator),
        new("rateCase", Needs.Resolved, _ => new { score = 4 }, Secret.Required, Caller.Citizen),
        new("reopenCase", Needs.Resolved, _ => new { reason = "vẫn còn rác" }, Secret.Required, Caller.Citizen),
        new("withdrawCase", Needs.Received, _ => new { reason = "không cần nữa" }, Secret.Required, Caller.Citizen),
        new("closeCase", Needs.Received, _ => new { reason = "trùng lặp" }, Secret.None, Caller.Operator),
    ];

    public enum Identity { ApiKey, ConsoleSession, IdentityProviderToken }

    public static TheoryData<string, Identity> Mutations()
    {
        var data = new TheoryData<string, Identity>();
        foreach (var row in Rows)
        foreach (var identity in Enum.GetValues<Identity>())
            data.Add(row.Mutation, identity);
        return data;
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Every_caller_is_allowed_or_forbidden_and_a_refusal_appends_nothing(string mutation, Identity identity)
    {
        var row = Rows.Single(r => r.Mutation == mutation);
        foreach (var caller in Enum.GetValues<Caller>())
        {
            var (code, secret) = await Prepare(row.State);
            var before = await Events(code);
            var fields = Merge(row.Fields(row.State == Needs.Received ? (await life.Submit()).Code : code), row.Secret, caller, secret);
            var response = await life.ActAs(await ClientOf(caller, identity), mutation, code, fields);
            if (row.Allowed.Contains(caller))
            {
                Assert.True(response.Errors.Count == 0, $"{caller} should be allowed to {mutation}: {response}");
                Assert.True(await Events(code) > before, $"{caller} {mutation} appended nothing");
            }
            else
            {
                Assert.True(response.Code == "FORBIDDEN", $"{caller} should be FORBIDDEN to {mutation}: {response}");
                Assert.Equal(before, await Events(code));
            }
        }
    }

    [Theory]
    [InlineData(Caller.Public, true)]
    [InlineData(Caller.Operator, true)]
    [InlineData(Caller.AssignedAgency, false)]
    [InlineData(Caller.Auditor, false)]
    public async Task Submitting_is_for_the_public_and_the_center_not_for_agencies_or_auditors(Caller caller, bool allowed)
    {
        var response = await api.Client(KeyOf(caller)).Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "public_order", description: "Lấn chiếm vỉa hè", ward: "Phú Xuân", location: { latitude: 16.4755, longitude: 107.5855 } }) { trackingCode } }
            """);
        Assert.Equal(allowed ? null : "FORBIDDEN", response.Code);
    }

    readonly Dictionary<(Caller, Identity), GraphQLClient> clients = [];

    async Task<GraphQLClient> ClientOf(Caller caller, Identity identity)
    {
        if (identity == Identity.ApiKey || caller is Caller.Public or Caller.Citizen or Caller.CitizenWrongSecret) return api.Client(KeyOf(caller));
        if (clients.TryGetValue((caller, identity), out var known)) return known;
        var (login, role, agency) = caller switch
        {
            Caller.Operator => ("op.nguyen", "operator", null),
            Caller.AssignedAgency => ("hepco.le", "agency", "hepco"),
            Caller.OtherAgency => ("sxd.tran", "agency", "so-xay-dung"),
            _ => ("audit.pham", "auditor", (string?)null),
        };
        return clients[(caller, identity)] = identity == Identity.ConsoleSession
            ? await api.SignedIn(login)
            : api.Client(ApiFixture.Jwt(role, agency, subject: login));
    }

    string? KeyOf(Caller caller) => caller switch
    {
        Caller.Operator => api.OperatorKey,
        Caller.AssignedAgency => api.AgencyAKey,
        Caller.OtherAgency => api.AgencyBKey,
        Caller.Auditor => api.AuditorKey,
        _ => null,
    };

    static object Merge(object fields, Secret secret, Caller caller, string rightSecret)
    {
        var node = System.Text.Json.JsonSerializer.SerializeToNode(fields)!.AsObject();
        var given = caller switch
        {
            Caller.Citizen => rightSecret,
            Caller.CitizenWrongSecret => rightSecret + "x",
            _ when secret == Secret.Required => "cs_not-the-secret",
            _ => null,
        };
        if (secret != Secret.None && given is not null) node["secret"] = given;
        return node;
    }

    async Task<(string Code, string Secret)> Prepare(Needs state)
    {
        var (code, secret) = await life.Submit(state == Needs.DossierInProgress ? "DOSSIER" : "FIELD_REPORT",
            state == Needs.DossierInProgress ? "construction_permit" : "sanitation_environment");
        if (state == Needs.Received) return (code, secret);
        await life.Ok(api.OperatorKey, "verifyCase", code);
        if (state == Needs.Verified) return (code, secret);
        await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco" });
        if (state == Needs.Assigned) return (code, secret);
        await life.Ok(api.AgencyAKey, "acceptAssignment", code);
        if (state is Needs.InProgress or Needs.DossierInProgress) return (code, secret);
        if (state == Needs.Waiting) { await life.Ok(api.AgencyAKey, "requestInformation", code, new { question = "Ảnh?" }); return (code, secret); }
        await life.Ok(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Xong" });
        return (code, secret);
    }

    Task<long> Events(string code) =>
        api.Database.ScalarAsync<long>("select count(*) from cases.mt_events e join cases.mt_doc_caseidentity s on s.id = e.stream_id where s.data->>'trackingCode' = $1", code);
}
