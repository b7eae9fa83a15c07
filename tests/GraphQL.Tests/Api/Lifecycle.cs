using System.Text.Json.Nodes;

namespace Cases.GraphQL.Tests.Api;

/// <summary>Drives cases through GraphQL alone, as the site, the center and the agencies do.</summary>
public sealed class Lifecycle(ApiFixture api)
{
    public const string Reporter = "Trần Văn Bảo", Phone = "0914777888", Email = "bao.tran@example.vn";

    public const string CaseFields = "trackingCode version status publicStatus leadAgency dueAt effectiveDueAt onTime rating allowedCommands";

    public async Task<(string Code, string Secret)> Submit(string kind = "FIELD_REPORT", string category = "sanitation_environment")
    {
        var data = (await api.Client().Send("""
            mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode secret case { status } } }
            """, new
        {
            input = new
            {
                kind, category, channel = "APP", description = "Rác thải tồn đọng nhiều ngày ở kiệt 12 Nguyễn Trãi", ward = "Phú Xuân",
                location = new { latitude = 16.4759, longitude = 107.5676 },
                reporter = new { name = Reporter, phone = Phone, email = Email, address = "12 Nguyễn Trãi" },
            },
        })).Ok()["submitCase"]!;
        return (data["trackingCode"]!.GetValue<string>(), data["secret"]!.GetValue<string>());
    }

    /// <summary>Runs a case mutation; input is the mutation's own fields, merged with the tracking code.</summary>
    public Task<GraphQLResponse> Act(string? key, string mutation, string code, object? fields = null) =>
        ActAs(api.Client(key), mutation, code, fields);

    /// <summary>The same, as whichever client (a key, a signed-in console, a token) the test holds.</summary>
    public Task<GraphQLResponse> ActAs(GraphQLClient client, string mutation, string code, object? fields = null)
    {
        var input = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(fields ?? new { }))!.AsObject();
        input["trackingCode"] = code;
        var type = char.ToUpperInvariant(mutation[0]) + mutation[1..] + "Input";
        return client.Send($"mutation($input: {type}!) {{ {mutation}(input: $input) {{ replayed events case {{ {CaseFields} }} }} }}", new { input });
    }

    public async Task<JsonNode> Ok(string? key, string mutation, string code, object? fields = null) =>
        (await Act(key, mutation, code, fields)).Ok()[mutation]!["case"]!;

    public async Task<string> InProgress(string kind = "FIELD_REPORT", string category = "sanitation_environment")
    {
        var (code, _) = await Submit(kind, category);
        await Ok(api.OperatorKey, "verifyCase", code);
        await Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco" });
        await Ok(api.AgencyAKey, "acceptAssignment", code);
        return code;
    }
}
