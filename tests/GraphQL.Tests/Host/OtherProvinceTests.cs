using System.Text.Json.Nodes;
using Alba;

namespace Cases.GraphQL.Tests.Host;

/// <summary>
/// Issue 24: the province is configuration and a map file, not code. Another city runs on the same build with its
/// own names, tracking-code prefix, bounds and wards.
/// </summary>
public sealed class OtherProvinceTests(HostDatabase db) : IClassFixture<HostDatabase>
{
    const string DaNang = """
        # A test map: two wards of Đà Nẵng and two bodies, enough to place and assign a case.
        version 2025.07
        effective 2025-07-01
        title Bản đồ thử nghiệm Đà Nẵng | Test map of Đà Nẵng
        basis 1659/NQ-UBTVQH15 | 2025-06-16 | thử nghiệm
        province dn | Đà Nẵng | thành phố Đà Nẵng | Đà Nẵng City
        area dn | city | - | Đà Nẵng | Đà Nẵng | -
        area hai-chau | ward | dn | Hải Châu | Hải Châu | 16.0600 108.2200
        area thanh-khe | ward | dn | Thanh Khê | Thanh Khê | 16.0650 108.1900
        agency so-xay-dung-dn | department | - | Sở Xây dựng Đà Nẵng | Đà Nẵng Department of Construction
        agency ubnd-p-hai-chau | ward_committee | hai-chau | UBND phường Hải Châu | Hải Châu Ward People's Committee
        """;

    [Fact]
    public async Task Another_city_is_a_configuration_and_a_map_file_away()
    {
        var maps = Directory.CreateTempSubdirectory("map-dn-");
        await File.WriteAllTextAsync(Path.Combine(maps.FullName, "map-2025-07.txt"), DaNang);
        await using var app = await CasesAppFactory.StartAsync(db.ConnectionString, b =>
        {
            b.UseSetting("Province:Name", "thành phố Đà Nẵng");
            b.UseSetting("Province:NameEn", "Đà Nẵng City");
            b.UseSetting("Province:ShortName", "Đà Nẵng");
            b.UseSetting("Province:TrackingPrefix", "DNG");
            b.UseSetting("Province:Bounds", "15.90,16.25,107.80,108.35");
            b.UseSetting("Province:MapDirectory", maps.FullName);
        });
        async Task<JsonObject> Send(string query) =>
            JsonNode.Parse(await (await app.Host.Scenario(s => { s.Post.Json(new { query }).ToUrl("/graphql"); s.IgnoreStatusCode(); })).ReadAsTextAsync())!.AsObject();

        var province = (await Send("{ province { name trackingPrefix } knownWards }"))["data"]!;
        Assert.Equal(("thành phố Đà Nẵng", "DNG"), (province["province"]!["name"]!.GetValue<string>(), province["province"]!["trackingPrefix"]!.GetValue<string>()));
        Assert.Equal(["Hải Châu", "Thanh Khê"], province["knownWards"]!.AsArray().Select(w => w!.GetValue<string>()));

        // A report by the Hàn river: Đà Nẵng's prefix and the ward of its point.
        var submitted = await Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "urban_infrastructure", description: "Đèn đường hỏng", location: { latitude: 16.061, longitude: 108.221 } }) { trackingCode case { ward } } }
            """);
        Assert.Matches("^DNG-\\d{4}-\\d{6}$", submitted["data"]!["submitCase"]!["trackingCode"]!.GetValue<string>());
        Assert.Equal("Hải Châu", submitted["data"]!["submitCase"]!["case"]!["ward"]!.GetValue<string>());

        // Huế's wards and Huế's points are not this city's.
        var hue = await Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "urban_infrastructure", description: "Đèn hỏng", ward: "Phú Xuân", location: { latitude: 16.061, longitude: 108.221 } }) { trackingCode } }
            """);
        Assert.Equal("unknown", hue["errors"]![0]!["extensions"]!["reason"]!.GetValue<string>());
        var outside = await Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "urban_infrastructure", description: "Đèn hỏng", location: { latitude: 16.4637, longitude: 107.5909 } }) { trackingCode } }
            """);
        Assert.Equal("outside_province", outside["errors"]![0]!["extensions"]!["reason"]!.GetValue<string>());

        var config = JsonNode.Parse(await (await app.Host.Scenario(s => s.Get.Url("/site-config.json"))).ReadAsTextAsync())!;
        Assert.Equal(("Đà Nẵng City", "DNG"), (config["province"]!["nameEn"]!.GetValue<string>(), config["province"]!["trackingPrefix"]!.GetValue<string>()));
        Assert.Equal(2, await db.ScalarAsync<long>("select count(*) from cases.agencies where ended_on is null"));
    }

    [Fact]
    public async Task A_province_counts_its_limits_with_its_own_catalogue_and_working_week()
    {
        // An operations center that works around the clock, with its own (short) limits for street lighting.
        var shipped = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Cases", "Sla", "Data", "policies.txt"));
        var own = System.Text.RegularExpressions.Regex.Replace(shipped, "(?m)^policy FieldReport urban_infrastructure .*$",
            "policy FieldReport urban_infrastructure verify=90m accept=1h resolve=4h urgent-verify=30m urgent-accept=30m urgent-resolve=2h information=pause warning=50%")
            .Replace("version 2026.1", "version 2026.90");
        var file = Path.Combine(Directory.CreateTempSubdirectory("policies-").FullName, "policies-own.txt");
        await File.WriteAllTextAsync(file, own);
        await using var app = await CasesAppFactory.StartAsync(db.ConnectionString, b =>
        {
            b.UseSetting("Province:PolicyFile", file);
            b.UseSetting("Province:WorkingHours", "Mon-Sun 00:00-23:59");
        });
        var response = JsonNode.Parse(await (await app.Host.Scenario(s =>
        {
            s.Post.Json(new { query = """mutation { submitCase(input: { kind: FIELD_REPORT, category: "urban_infrastructure", description: "Đèn đường hỏng cả dãy", ward: "Phú Xuân", location: { latitude: 16.4690, longitude: 107.5790 } }) { trackingCode } }""" }).ToUrl("/graphql");
        })).ReadAsTextAsync())!;
        var code = response["data"]!["submitCase"]!["trackingCode"]!.GetValue<string>();
        const string Received = """
            select {0} from cases.mt_events e join cases.mt_doc_caseidentity i on i.id = e.stream_id
            where i.data ->> 'trackingCode' = $1 and e.type = 'case_received'
            """;
        Assert.Equal("2026.90", await db.ScalarAsync<string>(string.Format(Received, "e.data ->> 'policyVersion'"), code));
        // 90 minutes from receipt whatever the hour or the day (a weekend or a night would push the shipped 4 h further).
        var minutes = await db.ScalarAsync<double>(string.Format(Received,
            "extract(epoch from (e.data ->> 'verifyDueAt')::timestamptz - (e.data ->> 'at')::timestamptz)::float8 / 60"), code);
        Assert.Equal(90, minutes, 0.01);
    }

    [Fact]
    public async Task The_seeder_writes_with_the_province_s_settings_as_the_server_does()
    {
        // The CLI's write side reads the server's configuration (CASES_*), not only the connection string: before, the
        // seeder's cases were HUE's whatever the province.
        var (exit, _, stderr) = await HostExecutable.RunAsync(db.ConnectionString, ["seed", "--cases", "3", "--seed", "7"],
            new Dictionary<string, string> { ["CASES_Province__TrackingPrefix"] = "TTH" });
        Assert.True(exit == 0, stderr);
        Assert.Equal(3, await db.ScalarAsync<long>("select count(*) from cases.mt_doc_caseidentity where data ->> 'trackingCode' like 'TTH-%'"));
    }

    [Theory]
    [InlineData("CASES_Province__WorkingHours", "Mon-Fri 07:30-11:30,11:00-17:00", "Province:WorkingHours 'Mon-Fri 07:30-11:30,11:00-17:00': Working periods overlap")]
    [InlineData("CASES_Province__WorkingHours", "Mon-Fry 07:30-11:30", "'Mon-Fry' is not a day or a range of days")]
    [InlineData("CASES_Province__PolicyFile", "/nonexistent/policies.txt", "Province:PolicyFile '/nonexistent/policies.txt'")]
    public async Task A_wrong_catalogue_or_week_stops_the_start_with_the_setting_named(string variable, string value, string message)
    {
        var (exit, _, stderr) = await HostExecutable.RunAsync(db.ConnectionString, ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { [variable] = value }, seconds: 60);
        Assert.Equal(1, exit);
        Assert.Contains(message, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task A_malformed_prefix_stops_the_start_with_a_message_and_no_stack_trace()
    {
        var (exit, _, stderr) = await HostExecutable.RunAsync(db.ConnectionString, ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string> { ["CASES_Province__TrackingPrefix"] = "hue-1" }, seconds: 60);
        Assert.Equal(1, exit);
        Assert.Contains("Province:TrackingPrefix 'hue-1' must be 2 to 8 capital letters", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
