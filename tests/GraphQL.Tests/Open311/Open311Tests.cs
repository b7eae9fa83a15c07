using System.Text.Json.Nodes;
using Cases.Access;
using Cases.Domain;
using Cases.GraphQL.Tests.Api;
using NodaTime;

namespace Cases.GraphQL.Tests.Open311;

/// <summary>Open311 GeoReport v2 at /open311/v2 through the real HTTP pipeline and database (issue 23).</summary>
public class Open311Tests(ApiFixture api) : IClassFixture<ApiFixture>
{
    readonly Lifecycle life = new(api);
    Open311Client Open311 => new(api.App.CreateClient());
    static readonly string[] Formats = ["xml", "json"];

    // What a reporter gives a partner app, each unlike anything else in the data, so any echo of it is found.
    const string First = "Zqxfirst", Last = "Nguyễn Zqxlast", Phone = "+84 905 123 987", Email = "zqx.reporter@example.vn",
        Device = "device-zqx-4471", Account = "account-zqx-9913", Address = "số 27 kiệt Zqxstreet, phường Phú Hội";

    async Task<string> PartnerKey(string name = "fixmystreet-hue")
    {
        var keys = new ApiKeys(api.Database.DataSource, SystemClock.Instance);
        return (await keys.CreateAsync(Role.Partner, null, name)).Key;
    }

    static List<KeyValuePair<string, string>> Form(string key, params (string Name, string Value)[] fields)
    {
        var form = new List<KeyValuePair<string, string>> { new("api_key", key) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return form;
    }

    async Task<string> PostReport(string key, string format = "json", params (string, string)[] extra)
    {
        var response = await Open311.Post($"requests.{format}", Form(key,
            [("service_code", "sanitation-environment"), ("lat", "16.4668"), ("long", "107.5947"),
             ("description", "Rác thải đổ trộm bên bờ sông, bốc mùi"), ("first_name", First), ("last_name", Last), ("phone", Phone),
             ("email", Email), ("device_id", Device), ("account_id", Account), ("address_string", Address), .. extra]));
        Assert.True(response.Status == 200, response.ToString());
        var request = response.Json().AsArray().Single()!;
        return request["service_request_id"]!.GetValue<string>();
    }

    [Fact]
    public async Task Every_route_answers_in_xml_and_json_in_the_shape_of_the_open311_schemas()
    {
        var key = await PartnerKey();
        var code = await PostReport(key);
        await life.Ok(api.OperatorKey, "verifyCase", code);
        await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco" });
        await life.Ok(api.AgencyAKey, "acceptAssignment", code);
        await life.Ok(api.AgencyAKey, "noteProgress", code, new { publicText = "Đội thu gom đã đến" });
        await life.Ok(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Đã thu gom và rửa mặt đường" });
        await api.Projected();

        foreach (var f in Formats)
        {
            var discovery = await Open311.Get($"discovery.{f}");
            Assert.Equal(200, discovery.Status);
            var d = discovery.Json();
            Assert.Equal("hue.gov.vn", d["jurisdiction_id"]!.GetValue<string>());
            Assert.Equal(["text/xml", "application/json"], d["endpoints"]![0]!["formats"]!.AsArray().Select(x => x!.GetValue<string>()));

            var services = await Open311.Get($"services.{f}");
            await Open311Shapes.AssertValid("services", services.Json());
            Assert.Contains(services.Json().AsArray(), s => s!["service_code"]!.GetValue<string>() == "traffic-infrastructure"
                && s["service_name"]!.GetValue<string>() == "Hạ tầng giao thông" && s["type"]!.GetValue<string>() == "realtime");
            Assert.DoesNotContain(services.Json().AsArray(), s => s!["service_code"]!.GetValue<string>().Contains("misconduct"));

            var definition = await Open311.Get($"services/sanitation-environment.{f}");
            await Open311Shapes.AssertValid("service-definition", definition.Json());

            var list = await Open311.Get($"requests.{f}");
            await Open311Shapes.AssertValid("requests", list.Json());
            var mine = list.Json().AsArray().Single(r => r!["service_request_id"]!.GetValue<string>() == code)!;
            Assert.Equal("closed", mine["status"]!.GetValue<string>());
            Assert.Equal("Đã xử lý", mine["status_notes"]!.GetValue<string>());
            Assert.Equal("sanitation-environment", mine["service_code"]!.GetValue<string>());
            Assert.Equal("Công ty CP Môi trường và Công trình đô thị Huế (HEPCO)", mine["agency_responsible"]!.GetValue<string>());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$", mine["requested_datetime"]!.GetValue<string>());
            // Coarsened as on the site: three decimals at most.
            Assert.Equal(16.467, mine["lat"]!.GetValue<double>());

            var one = await Open311.Get($"requests/{code}.{f}?extensions=true");
            await Open311Shapes.AssertValid("requests", one.Json());
            var ext = one.Json()[0]!["extended_attributes"]!;
            Assert.Equal("resolved", ext["detailed_status"]!.GetValue<string>());
            Assert.Equal(["received", "verified", "assigned", "assignment_accepted", "progress", "resolved"],
                ext["steps"]!.AsArray().Select(s => s!["code"]!.GetValue<string>()));

            var filtered = await Open311.Get($"requests.{f}?service_code=traffic-infrastructure&status=open");
            Assert.DoesNotContain(filtered.Json().AsArray(), r => r!["service_request_id"]!.GetValue<string>() == code);
            var byId = await Open311.Get($"requests.{f}?service_request_id={code},HUE-1999-000000&service_code=traffic-infrastructure");
            Assert.Equal([code], byId.Json().AsArray().Select(r => r!["service_request_id"]!.GetValue<string>()));

            var updates = (await Open311.Get($"servicerequestupdates.{f}")).Json().AsArray().Where(u => u!["service_request_id"]!.GetValue<string>() == code).ToList();
            Assert.Equal(["investigating", "action_scheduled", "in_progress", "fixed"], updates.Select(u => u!["status"]!.GetValue<string>()));
            Assert.Equal("Đã thu gom và rửa mặt đường", updates[^1]!["description"]!.GetValue<string>());
            Assert.All(updates, u => Assert.Matches(@"^HUE-\d{4}-\d+-\d+$", u!["update_id"]!.GetValue<string>()));

            var token = await Open311.Get($"tokens/abc.{f}");
            Assert.Equal(404, token.Status);
            AssertError(token, 404);
        }
    }

    [Fact]
    public async Task Xml_answers_are_text_xml_with_a_declaration_and_the_specifications_element_names()
    {
        var xml = await Open311.Get("services.xml");
        Assert.Equal("text/xml; charset=utf-8", xml.ContentType);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service><service_code>", xml.Text);
        var json = await Open311.Get("services.json");
        Assert.StartsWith("application/json", json.ContentType);
        Assert.StartsWith("[{\"service_code\":", json.Text);
        var error = await Open311.Get("services/no-such-thing.xml");
        Assert.Equal(404, error.Status);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><errors><error><code>404</code><description>", error.Text);
    }

    [Fact]
    public async Task A_post_runs_submitCase_through_the_handler_with_the_channel_and_client_on_the_event_and_the_contact_kept_private()
    {
        var key = await PartnerKey("seeclickfix");
        var response = await Open311.Post("requests.xml", Form(key, ("service_code", "traffic-infrastructure"), ("address_string", "Trước chợ, phường Vỹ Dạ"),
            ("description", "Ổ gà sâu giữa đường"), ("email", Email), ("first_name", First), ("media_url", "https://photos.example.org/p/123.jpg")));
        Assert.Equal(200, response.Status);
        var body = response.Json()[0]!;
        var code = body["service_request_id"]!.GetValue<string>();
        Assert.Matches(@"^HUE-\d{4}-\d{6}$", code);
        Assert.Contains("giờ làm việc", body["service_notice"]!.GetValue<string>());

        var staff = (await api.Client(api.OperatorKey).Send("query($c: String!) { staffCase(trackingCode: $c) { case { channel ward } reporter { name email } } }", new { c = code })).Ok()["staffCase"]!;
        Assert.Equal("OPEN311", staff["case"]!["channel"]!.GetValue<string>());
        Assert.Equal("Vỹ Dạ", staff["case"]!["ward"]!.GetValue<string>());
        Assert.Equal(First, staff["reporter"]!["name"]!.GetValue<string>());

        var keyId = (await new ApiKeys(api.Database.DataSource, SystemClock.Instance).ListAsync()).Single(k => k.Name == "seeclickfix").Id;
        var received = await api.Database.ScalarAsync<string>(
            "select e.data::text from cases.mt_events e join cases.mt_streams s on s.id = e.stream_id where e.type = 'case_received' and e.data->>'trackingCode' = $1", code);
        Assert.Contains($"\"client\": \"key:{keyId}\"", received);
        Assert.DoesNotContain(Email, received);
        Assert.DoesNotContain("photos.example.org", received);
        // Other tests of this class submit the same e-mail: this request's row is the one with its photo address.
        Assert.Equal(1L, await api.Database.ScalarAsync<long>(
            "select count(*) from cases.reporters r where r.email = $1 and r.name = $2 and r.media_url = 'https://photos.example.org/p/123.jpg'", Email, First));
    }

    [Fact]
    public async Task A_request_not_yet_verified_answers_by_id_open_without_a_description_and_a_partner_key_does_nothing_else()
    {
        var key = await PartnerKey("aggregator");
        var code = await PostReport(key, "xml");
        await api.Projected();
        foreach (var f in Formats)
        {
            var r = (await Open311.Get($"requests/{code}.{f}")).Json()[0]!;
            Assert.Equal("open", r["status"]!.GetValue<string>());
            Assert.Equal("Đã tiếp nhận", r["status_notes"]!.GetValue<string>());
            Assert.Null(r["description"]);
            Assert.False(r.AsObject().ContainsKey("description"));
        }
        // The same key over GraphQL: it may submit, and nothing a staff member does.
        var partner = api.Client(key);
        Assert.Equal("FORBIDDEN", (await life.Act(key, "verifyCase", code)).Code);
        Assert.Equal("FORBIDDEN", (await partner.Send("query($c: String!) { staffCase(trackingCode: $c) { description } }", new { c = code })).Code);
        var submitted = (await partner.Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "public_order", description: "Lấn chiếm vỉa hè", ward: "Thuận Hóa" }) { trackingCode } }
            """)).Ok();
        Assert.StartsWith("HUE-", submitted["submitCase"]!["trackingCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task Nothing_a_reporter_gave_through_open311_comes_back_in_any_open311_or_open_data_response()
    {
        var key = await PartnerKey("privacy-partner");
        var code = await PostReport(key, "json", ("media_url", "https://photos.example.org/zqx-private.jpg"));
        var unverified = await PostReport(key, "xml");
        await life.Ok(api.OperatorKey, "verifyCase", code);
        await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco" });
        await life.Ok(api.AgencyAKey, "acceptAssignment", code);
        await life.Ok(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Đã thu gom" });
        await api.Projected();

        var responses = new List<string>();
        foreach (var f in Formats)
            foreach (var route in new[] { "discovery", "services", "services/sanitation-environment", "requests", $"requests/{code}", $"requests/{unverified}",
                "servicerequestupdates" })
            {
                foreach (var query in new[] { "", "?extensions=true" })
                {
                    var response = await Open311.Get($"{route}.{f}{query}");
                    Assert.True(response.Status == 200, response.ToString());
                    responses.Add(response.Text);
                }
            }
        var http = api.App.CreateClient();
        foreach (var file in new[] { "cases.csv", "cases.geojson", "statistics.csv" })
        {
            var text = await http.GetStringAsync("/open-data/" + file);
            Assert.Contains(file == "statistics.csv" ? "sanitation_environment" : code, text);
            responses.Add(text);
        }
        Assert.Contains(responses, r => r.Contains(code));
        foreach (var text in responses)
            foreach (var personal in new[] { First, Last, "Zqxlast", Phone, "905 123 987", Email, Device, Account, "Zqxstreet", "zqx-private", Lifecycle.Reporter })
                Assert.DoesNotContain(personal, text);
    }

    public static TheoryData<string, string, int, (string, string)[]> BadPosts => new()
    {
        { "unknown service_code", "requests.json", 404, [("service_code", "road-unicorn")] },
        { "a place outside the province", "requests.json", 400, [("lat", "21.0285"), ("long", "105.8542")] },
        { "no place at all", "requests.xml", 400, [("lat", ""), ("long", ""), ("address_string", "")] },
        { "an address in no ward", "requests.json", 400, [("lat", ""), ("long", ""), ("address_string", "somewhere")] },
        { "latitude not a number", "requests.json", 400, [("lat", "north")] },
        { "a 5 MB description", "requests.json", 400, [("description", new string('x', 5 * 1024 * 1024))] },
        { "a description over 4,000 characters", "requests.xml", 400, [("description", new string('y', 4001))] },
        { "a media_url at the loopback", "requests.json", 400, [("media_url", "http://127.0.0.1:5432/")] },
        { "a media_url on file://", "requests.json", 400, [("media_url", "file:///etc/passwd")] },
        { "a media_url at localhost", "requests.xml", 400, [("media_url", "http://localhost/x.jpg")] },
        { "a media_url on a private network", "requests.json", 400, [("media_url", "http://[::ffff:10.0.0.1]/x.jpg")] },
        { "another city's jurisdiction", "requests.json", 404, [("jurisdiction_id", "hanoi.gov.vn")] },
        { "an unknown format", "requests.csv", 404, [] },
        { "a malformed e-mail", "requests.json", 400, [("email", "not-an-address")] },
    };

    [Theory]
    [MemberData(nameof(BadPosts))]
    public async Task A_bad_post_gets_the_specifications_error_form_and_stores_nothing(string why, string route, int status, (string, string)[] change)
    {
        var key = await PartnerKey("bad-" + Guid.NewGuid().ToString("N")[..6]);
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "sanitation-environment", ["lat"] = "16.4668", ["long"] = "107.5947", ["description"] = "Rác", ["first_name"] = First,
        };
        foreach (var (name, value) in change) fields[name] = value;
        var before = await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams");
        var reportersBefore = await api.Database.ScalarAsync<long>("select count(*) from cases.reporters");
        var response = await Open311.Post(route, fields);
        Assert.True(status == response.Status, $"{why}: {response}");
        AssertError(response, status);
        Assert.Equal(before, await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams"));
        Assert.Equal(reportersBefore, await api.Database.ScalarAsync<long>("select count(*) from cases.reporters"));
    }

    [Fact]
    public async Task A_missing_unknown_revoked_or_staff_api_key_is_refused_with_403()
    {
        var keys = new ApiKeys(api.Database.DataSource, SystemClock.Instance);
        var (revoked, revokedKey) = await keys.CreateAsync(Role.Partner, null, "old-partner");
        await keys.RevokeAsync(revoked.Id);
        var fields = new (string, string)[] { ("service_code", "sanitation-environment"), ("lat", "16.4668"), ("long", "107.5947"), ("description", "Rác") };
        foreach (var key in new[] { "", "ck_not-a-key", revokedKey, api.OperatorKey })
        {
            var response = await Open311.Post("requests.json", key == "" ? fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)) : Form(key, fields));
            Assert.True(response.Status == 403, response.ToString());
            AssertError(response, 403);
        }
    }

    [Theory]
    [InlineData("requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400)]
    [InlineData("requests.xml?start_date=yesterday", 400)]
    [InlineData("requests.json?end_date=2026-13-45", 400)]
    [InlineData("requests.json?page_size=1000000", 400)]
    [InlineData("requests.json?page=0", 400)]
    [InlineData("requests.json?status=pending", 400)]
    [InlineData("requests.xml?service_code=nope", 400)]
    [InlineData("requests.json?jurisdiction_id=danang.gov.vn", 404)]
    [InlineData("requests.yaml", 404)]
    [InlineData("requests", 404)]
    [InlineData("requests/HUE-1999-000001.json", 404)]
    [InlineData("servicerequestupdates.xml?start_date=2026-01-01T00:00:00%2B07:00&end_date=2026-05-01T00:00:00%2B07:00", 400)]
    [InlineData("nothing-here.json", 404)]
    public async Task A_bad_read_gets_the_specifications_error_form(string route, int status)
    {
        var response = await Open311.Get(route);
        Assert.True(status == response.Status, response.ToString());
        AssertError(response, status);
    }

    static void AssertError(Open311Response response, int status)
    {
        var errors = response.Json().AsArray();
        var error = Assert.Single(errors)!;
        Assert.Equal(status, error["code"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(error["description"]!.GetValue<string>()));
        Assert.DoesNotContain("Exception", response.Text);
    }
}

/// <summary>The schema check is real: a request without its required fields, or with a status outside open/closed, fails it.</summary>
public class Open311SchemaCheckTests
{
    [Fact]
    public async Task A_request_missing_its_service_code_or_with_another_status_fails_the_schema()
    {
        var bad = JsonNode.Parse("""[{"service_request_id":"HUE-2026-000001","status":"pending","requested_datetime":"2026-03-02T09:00:00+07:00"}]""")!;
        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => Open311Shapes.AssertValid("requests", bad));
        var xml = System.Xml.Linq.XDocument.Parse("<?xml version=\"1.0\"?><services><service><service_code>x</service_code><service_name>X</service_name><metadata>maybe</metadata><type>realtime</type></service></services>");
        Assert.Throws<FormatException>(() => Open311Shapes.FromXml(xml));
    }
}
