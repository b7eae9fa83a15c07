using Cases.GraphQL.Tests.Api;

namespace Cases.GraphQL.Tests.Notifications;

/// <summary>
/// An agency's notification and escalation addresses, set by an admin (issue 22): through GraphQL (the console's
/// admin page uses it) and the CLI; checked for the admin role and each address, audited.
/// </summary>
public sealed class AgencyAddressTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    const string Set = """
        mutation($input: SetAgencyNotificationAddressInput!) { setAgencyNotificationAddress(input: $input) { agencyId name email escalationEmail } }
        """;

    Task<string?> Stored(string agency, string column) =>
        api.Database.ScalarAsync<string>($"select {column} from cases.agencies where id = $1", agency);

    [Fact]
    public async Task An_admin_sets_and_clears_an_agencys_addresses_and_each_change_is_audited()
    {
        var admin = await api.SignedIn("admin.vo");
        var set = (await admin.Send(Set, new { input = new { agencyId = "ubnd-phu-hoi", email = " VanPhong@PhuHoi.Hue.GOV.vn ", escalationEmail = "chutich@phuhoi.hue.gov.vn" } }))
            .Ok()["setAgencyNotificationAddress"]!;
        Assert.Equal("VanPhong@phuhoi.hue.gov.vn", set["email"]!.GetValue<string>()); // the domain lower-cased, as mail is sent
        Assert.Equal("chutich@phuhoi.hue.gov.vn", await Stored("ubnd-phu-hoi", "escalation_email"));
        // Left out: kept. Empty: cleared.
        var cleared = (await admin.Send(Set, new { input = new { agencyId = "ubnd-phu-hoi", escalationEmail = "" } })).Ok()["setAgencyNotificationAddress"]!;
        Assert.Equal("VanPhong@phuhoi.hue.gov.vn", cleared["email"]!.GetValue<string>());
        Assert.Null(cleared["escalationEmail"]);
        Assert.Null(await Stored("ubnd-phu-hoi", "escalation_email"));
        var listed = (await admin.Send("{ agencyNotificationAddresses { agencyId email escalationEmail } }")).Ok()["agencyNotificationAddresses"]!.AsArray();
        Assert.Contains(listed, a => a!["agencyId"]!.GetValue<string>() == "ubnd-phu-hoi" && a["email"]!.GetValue<string>() == "VanPhong@phuhoi.hue.gov.vn");
        Assert.Equal(2, await api.Database.ScalarAsync<long>("""
            select count(*) from cases.staff_audit where event = 'agency_notification_address' and login = 'admin.vo' and detail ->> 'agency' = 'ubnd-phu-hoi'
            """));
        Assert.Equal("chutich@phuhoi.hue.gov.vn", await api.Database.ScalarAsync<string>("""
            select detail -> 'before' ->> 'EscalationEmail' from cases.staff_audit where event = 'agency_notification_address' order by id desc limit 1
            """));
    }

    [Theory]
    [InlineData("{\"agencyId\":\"hepco\",\"email\":\"không phải thư\"}", "email")]
    [InlineData("{\"agencyId\":\"hepco\",\"email\":\"ok@hepco.vn\",\"escalationEmail\":\"a@b\"}", "escalationEmail")]
    [InlineData("{\"agencyId\":\"khong-co\",\"email\":\"ok@hepco.vn\"}", "agencyId")]
    public async Task A_bad_address_or_agency_is_a_typed_error_on_its_field_and_nothing_changes(string input, string field)
    {
        var before = (await Stored("hepco", "notify_email"), await Stored("hepco", "escalation_email"));
        var response = await api.Client(api.AdminKey).Send(Set, new { input = System.Text.Json.Nodes.JsonNode.Parse(input) });
        Assert.Equal("VALIDATION_FAILED", response.Code);
        Assert.Equal(field, response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(before, (await Stored("hepco", "notify_email"), await Stored("hepco", "escalation_email")));
    }

    [Fact]
    public async Task Anyone_but_an_admin_is_forbidden_to_read_or_set_them()
    {
        foreach (var key in new string?[] { null, api.OperatorKey, api.AgencyAKey, api.AuditorKey })
        {
            var response = await api.Client(key).Send(Set, new { input = new { agencyId = "hepco", email = "takeover@evil.example" } });
            Assert.Equal("FORBIDDEN", response.Code);
            Assert.Equal("FORBIDDEN", (await api.Client(key).Send("{ agencyNotificationAddresses { email } }")).Code);
        }
        Assert.NotEqual("takeover@evil.example", await Stored("hepco", "notify_email"));
    }

    [Fact]
    public async Task The_cli_sets_an_agencys_addresses_refuses_a_bad_one_and_audits_the_change()
    {
        var (exit, output, _) = await Cli("notifications", "agency-address", "so-xay-dung", "--email", "vanthu@sxd.hue.gov.vn", "--escalation", "giamdoc@sxd.hue.gov.vn");
        Assert.Equal(0, exit);
        Assert.Contains("vanthu@sxd.hue.gov.vn", output);
        Assert.Equal("giamdoc@sxd.hue.gov.vn", await Stored("so-xay-dung", "escalation_email"));
        Assert.Equal(1, await api.Database.ScalarAsync<long>(
            "select count(*) from cases.staff_audit where event = 'agency_notification_address' and login like 'cli:%' and detail ->> 'agency' = 'so-xay-dung'"));

        var (bad, _, error) = await Cli("notifications", "agency-address", "so-xay-dung", "--email", "sai địa chỉ");
        Assert.Equal(1, bad);
        Assert.Contains("--email", error);
        Assert.Equal("vanthu@sxd.hue.gov.vn", await Stored("so-xay-dung", "notify_email"));
    }

    Task<(int Exit, string Out, string Err)> Cli(params string[] args) => Cases.GraphQL.Tests.Host.HostExecutable.RunAsync(api.Database.ConnectionString, args);
}
