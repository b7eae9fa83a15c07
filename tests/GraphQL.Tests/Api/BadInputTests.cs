namespace Cases.GraphQL.Tests.Api;

/// <summary>Bad input gets a typed error with its extensions.code, never a 500 and never a half-written change.</summary>
public class BadInputTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    readonly Lifecycle life = new(api);

    static string Submit(string fields) =>
        $$"""mutation { submitCase(input: { kind: FIELD_REPORT, category: "sanitation_environment", ward: "Phú Xuân", {{fields}} }) { trackingCode } }""";

    [Fact]
    public async Task A_100_kB_description_is_refused_naming_the_field()
    {
        var response = await api.Client().Send("mutation($d: String!) { submitCase(input: { kind: FIELD_REPORT, category: \"sanitation_environment\", ward: \"Phú Xuân\", description: $d }) { trackingCode } }",
            new { d = new string('x', 100_000) });
        Assert.Equal("VALIDATION_FAILED", response.Code);
        Assert.Equal("description", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Coordinates_outside_the_province_are_refused()
    {
        var response = await api.Client().Send(Submit("""description: "Ổ gà", location: { latitude: 21.03, longitude: 105.85 }"""));
        Assert.Equal("VALIDATION_FAILED", response.Code);
        Assert.Equal("location", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""description: "Ổ gà", location: { latitude: 21.03, longitude: 105.85 }""", "location", "outside_province")]
    [InlineData("""description: "Ổ gà" """, "location", "place_required")]
    [InlineData("""description: "Ổ gà", ward: "Phường Không Có", location: { latitude: 16.4755, longitude: 107.5855 }""", "ward", "unknown")]
    [InlineData("""description: "Ổ gà", ward: "Đông Ba", location: { latitude: 16.4755, longitude: 107.5855 }""", "ward", "former")]
    public async Task A_bad_place_is_refused_naming_the_field_and_why_and_nothing_is_stored(string fields, string field, string reason)
    {
        var before = await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams");
        var query = fields.Contains("ward:") ? Submit(fields).Replace("ward: \"Phú Xuân\", ", "") : Submit(fields);
        var response = await api.Client().Send(query);
        Assert.Equal("VALIDATION_FAILED", response.Code);
        Assert.Equal(field, response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(reason, response.Errors[0]!["extensions"]!["reason"]!.GetValue<string>());
        Assert.Equal(before, await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams"));
    }

    [Fact]
    public async Task A_ward_abolished_on_1_July_2025_is_refused_with_its_successor_in_Vietnamese_and_English()
    {
        var response = await api.Client().Send(Submit("""description: "Ổ gà", location: { latitude: 16.4755, longitude: 107.5855 }""").Replace("Phú Xuân", "Đông Ba"));
        var ext = response.Errors[0]!["extensions"]!;
        Assert.Equal(("VALIDATION_FAILED", "ward", "former"), (response.Code, ext["field"]!.GetValue<string>(), ext["reason"]!.GetValue<string>()));
        Assert.Equal(("phường Phú Xuân", "Phú Xuân Ward", "2025-07-01"), (ext["successorVi"]!.GetValue<string>(), ext["successorEn"]!.GetValue<string>(), ext["since"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_report_sent_with_a_point_and_no_ward_takes_the_ward_of_the_nearest_centre()
    {
        var response = await api.Client().Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "sanitation_environment", description: "Rác", location: { latitude: 16.4782, longitude: 107.5738 } }) { trackingCode case { ward } } }
            """);
        Assert.Equal("Phú Xuân", response.Ok()["submitCase"]!["case"]!["ward"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_category_is_refused_and_no_case_is_created()
    {
        var before = await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams");
        var response = await api.Client().Send(Submit("""description: "x", category2: "x" """.Replace("category2: \"x\"", "")).Replace("sanitation_environment", "aliens"));
        Assert.Equal("VALIDATION_FAILED", response.Code);
        Assert.Equal(before, await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams"));
    }

    [Fact]
    public async Task A_rating_of_six_is_refused_naming_the_score()
    {
        var (code, secret) = await life.Submit();
        await life.Ok(api.OperatorKey, "verifyCase", code);
        await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco" });
        await life.Ok(api.AgencyAKey, "acceptAssignment", code);
        await life.Ok(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Xong" });
        var response = await life.Act(null, "rateCase", code, new { score = 6, secret });
        Assert.Equal("VALIDATION_FAILED", response.Code);
        Assert.Equal("score", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tracking_code_that_does_not_exist_is_case_not_found()
    {
        Assert.Equal("CASE_NOT_FOUND", (await life.Act(api.OperatorKey, "verifyCase", "HUE-2026-999999")).Code);
    }

    [Fact]
    public async Task An_unknown_agency_is_refused_before_anything_is_appended()
    {
        var (code, _) = await life.Submit();
        await life.Ok(api.OperatorKey, "verifyCase", code);
        var response = await life.Act(api.OperatorKey, "assignCase", code, new { leadAgency = "bo-ngoai-giao" });
        Assert.Equal("VALIDATION_FAILED", response.Code);
        Assert.Equal("leadAgency", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_command_the_state_does_not_allow_names_the_status_and_what_is_allowed()
    {
        var (code, _) = await life.Submit();
        var response = await life.Act(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "x" });
        Assert.Equal("CASE_INVALID_TRANSITION", response.Code);
        Assert.Equal("received", response.Errors[0]!["extensions"]!["status"]!.GetValue<string>());
        Assert.Contains("verifyCase", response.Errors[0]!["extensions"]!["allowed"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Theory]
    [InlineData("ck_unknown-key", "UNAUTHENTICATED")]
    [InlineData("Basic dXNlcjpwYXNz", "UNAUTHENTICATED")]
    public async Task An_unknown_key_or_scheme_is_refused_with_401(string header, string code)
    {
        using var http = api.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ me { role } }" }) };
        request.Headers.TryAddWithoutValidation("Authorization", header.StartsWith("ck_") ? "Bearer " + header : header);
        var response = await http.SendAsync(request);
        Assert.Equal(401, (int)response.StatusCode);
        Assert.Contains(code, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_revoked_or_expired_key_is_refused_with_its_own_code()
    {
        var keys = new Cases.Access.ApiKeys(api.Database.DataSource, NodaTime.SystemClock.Instance);
        var (revoked, revokedKey) = await keys.CreateAsync(Cases.Domain.Role.Operator, null, "gone");
        await keys.RevokeAsync(revoked.Id);
        var (_, expiredKey) = await keys.CreateAsync(Cases.Domain.Role.Operator, null, "old", NodaTime.SystemClock.Instance.GetCurrentInstant() - NodaTime.Duration.FromDays(1));
        var r1 = await api.Client(revokedKey).Send("{ me { role } }");
        var r2 = await api.Client(expiredKey).Send("{ me { role } }");
        Assert.Equal((401, "KEY_REVOKED"), (r1.Status, r1.Code));
        Assert.Equal((401, "KEY_EXPIRED"), (r2.Status, r2.Code));
    }

    [Fact]
    public async Task Only_auditors_and_admins_read_the_audit_view()
    {
        Assert.Equal("FORBIDDEN", (await api.Client().Send("{ audit { verifyChain { valid } } }")).Code);
        Assert.Equal("FORBIDDEN", (await api.Client(api.OperatorKey).Send("{ audit { verifyChain { valid } } }")).Code);
        Assert.True((await api.Client(api.AuditorKey).Send("{ audit { verifyChain { valid } } }")).Ok()["audit"]!["verifyChain"]!["valid"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("mutation { submitCase(input: { kind: ALIEN, category: \"x\", description: \"x\", ward: \"x\" }) { trackingCode } }", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("mutation { submitCase(input: { kind: FIELD_REPORT, category: \"x\", ward: \"x\" }) { trackingCode } }", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("{ cases { nodes { trackingCode reporterName } } }", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("{ cases { nodes { trackingCode ", "GRAPHQL_PARSE_FAILED")]
    public async Task An_unknown_enum_a_missing_field_or_a_broken_document_gets_a_typed_error(string query, string code)
    {
        var response = await api.Client().Send(query);
        Assert.Equal(code, response.Code);
        Assert.Equal(400, response.Status);
    }

    public static TheoryData<string, string, string, int> VariablesThatCannotBeCoerced => new()
    {
        // A wrong type, a missing non-null variable, an unknown enum value, a value a custom scalar refuses.
        { "query($n: Int) { cases(first: $n) { totalCount } }", """{"n":"ten"}""",
            "Variable \"$n\" has invalid value: Int cannot represent non-integer value: \"ten\"", 7 },
        { "query($code: String!) { case(trackingCode: $code) { status } }", "{}",
            "Variable \"$code\" has invalid value: Expected a value of non-null type \"String!\" to be provided.", 7 },
        { "query($w: CaseFilter) { cases(where: $w) { totalCount } }", """{"w":{"kind":"ALIEN"}}""",
            "Variable \"$w\" has invalid value at .kind: Value \"ALIEN\" does not exist in \"CaseKind\" enum.", 7 },
        { "query($m: YearMonth!) { statistics(from: $m, to: $m) { from } }", """{"m":"2026-13"}""",
            "Variable \"$m\" has invalid value: YearMonth cannot represent value: 2026-13 (expected e.g. 2026-03)", 7 },
    };

    [Theory]
    [MemberData(nameof(VariablesThatCannotBeCoerced))]
    public async Task A_variable_that_cannot_be_coerced_is_bad_user_input_with_graphql_js_s_message_and_location(string query, string variables, string message, int column)
    {
        var response = await api.Client().Send(query, System.Text.Json.JsonDocument.Parse(variables).RootElement);
        Assert.Equal(400, response.Status);
        Assert.Null(response.Data);
        var error = Assert.Single(response.Errors)!;
        Assert.Equal("BAD_USER_INPUT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(message, error["message"]!.GetValue<string>());
        Assert.Equal($$"""[{"line":1,"column":{{column}}}]""", error["locations"]!.ToJsonString());
    }

    [Fact]
    public async Task Several_operations_and_no_name_to_choose_one_is_an_operation_resolution_failure()
    {
        var response = await api.Client().Send("query A { me { role } } query B { me { agencyId } }");
        Assert.Equal((400, "OPERATION_RESOLUTION_FAILURE"), (response.Status, response.Code));
        Assert.Equal("Must provide operation name if query contains multiple operations.", response.Errors[0]!["message"]!.GetValue<string>());
    }
}
