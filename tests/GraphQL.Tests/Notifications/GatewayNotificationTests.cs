using System.Net.Http.Json;
using Cases.GraphQL.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using NodaTime;

namespace Cases.GraphQL.Tests.Notifications;

/// <summary>The API with SMS and Zalo gateways pointed at <see cref="GatewayDouble"/>, and the clock at 10:00 in Huế.</summary>
public sealed class GatewayFixture : ApiFixture
{
    public const string CallbackKey = "callback-key-0123";
    public GatewayDouble Gateways { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Gateways = await GatewayDouble.StartAsync();
        Clock.Reset(Clock.GetCurrentInstant().InZone(Sla.WorkingCalendar.Zone).Date.At(new LocalTime(10, 0)).InZoneStrictly(Sla.WorkingCalendar.Zone).ToInstant());
        await base.InitializeAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Notifications:Sms:Url", Gateways.Url + "/esms");
        builder.UseSetting("Notifications:Sms:Key", "esms-api-key");
        builder.UseSetting("Notifications:Sms:Secret", "esms-secret");
        builder.UseSetting("Notifications:Sms:Sender", "IOC_HUE");
        builder.UseSetting("Notifications:Sms:Sandbox", "true");
        builder.UseSetting("Notifications:Sms:TimeoutSeconds", "1");
        builder.UseSetting("Notifications:Sms:CallbackKey", CallbackKey);
        builder.UseSetting("Notifications:Zalo:Url", Gateways.Url + "/zns");
        builder.UseSetting("Notifications:Zalo:Key", GatewayDouble.ZaloToken);
        builder.UseSetting("Notifications:Zalo:TimeoutSeconds", "1");
        builder.UseSetting("Notifications:Zalo:CallbackKey", CallbackKey);
        builder.UseSetting("Notifications:Zalo:Templates:received", "301001");
        builder.UseSetting("Notifications:Zalo:Templates:updates", "301009");
        builder.UseSetting("Notifications:CoalesceSeconds", "0");
        builder.UseSetting("Notifications:Digest:Enabled", "false");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Gateways.DisposeAsync();
    }
}

/// <summary>SMS brandname and Zalo ZNS (issue 22): each error class of the gateways, the delivery callback, quiet hours.</summary>
public sealed class GatewayNotificationTests(GatewayFixture api) : IClassFixture<GatewayFixture>
{
    async Task<string> Submit(string phone, string channel)
    {
        var response = await api.Client().Send("mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode } }", new
        {
            input = new
            {
                kind = "FIELD_REPORT", category = "sanitation_environment", description = "Nắp cống bị mất", ward = "Thuận Hóa", location = new { latitude = 16.4660, longitude = 107.5960 },
                reporter = new { phone }, notify = new[] { channel },
            },
        });
        return response.Ok()["submitCase"]!["trackingCode"]!.GetValue<string>();
    }

    Task<string?> Delivery(string code, string column) => api.Database.ScalarAsync<string>($"""
        select {column}::text from cases.notification_deliveries d join cases.mt_doc_caseidentity i on i.id = d.case_id
        where i.data ->> 'trackingCode' = $1 and recipient = 'reporter'
        """, code);

    async Task<string> Until(string code, Func<string?, bool> status, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var s = await Delivery(code, "status");
            if (status(s)) return s!;
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"delivery of {code} is {s ?? "absent"} after {seconds} s");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task An_sms_is_sent_with_the_brandname_and_request_id_and_its_delivery_callback_is_recorded()
    {
        var code = await Submit("0905 123 456", "SMS");
        Assert.Equal("sent", await Until(code, s => s is "sent"));
        var request = Assert.Single(api.Gateways.To("/esms", "84905123456"));
        Assert.Equal("IOC_HUE", request["Brandname"]!.ToString());
        Assert.Equal("1", request["Sandbox"]!.ToString());
        Assert.Contains(code, request["Content"]!.ToString());
        var providerId = await Delivery(code, "provider_id");
        Assert.Equal("sms-" + request["RequestId"], providerId);

        var http = api.App.CreateClient();
        Assert.Equal(401, (int)(await http.PostAsJsonAsync("/notifications/callback/sms?key=wrong", new System.Text.Json.Nodes.JsonObject { ["SMSID"] = providerId, ["SendStatus"] = "5" })).StatusCode);
        Assert.Equal(200, (int)(await http.PostAsJsonAsync($"/notifications/callback/sms?key={GatewayFixture.CallbackKey}",
            new System.Text.Json.Nodes.JsonObject { ["SMSID"] = providerId, ["SendStatus"] = "5" })).StatusCode);
        Assert.Equal("delivered", await Delivery(code, "status"));
    }

    [Fact]
    public async Task A_zalo_message_is_sent_with_its_template_and_the_webhook_marks_it_received()
    {
        var code = await Submit("0914 222 333", "ZALO");
        await Until(code, s => s is "sent");
        var request = Assert.Single(api.Gateways.To("/zns", "84914222333"));
        Assert.Equal("301001", request["template_id"]!.ToString());
        Assert.Equal(code, request["template_data"]!["tracking_code"]!.ToString());
        var msgId = await Delivery(code, "provider_id");
        var ok = await api.App.CreateClient().PostAsJsonAsync($"/notifications/callback/zalo?key={GatewayFixture.CallbackKey}",
            new { event_name = "user_received_message", message = new { msg_id = msgId } });
        Assert.Equal(200, (int)ok.StatusCode);
        Assert.Equal("delivered", await Delivery(code, "status"));
    }

    [Fact]
    public async Task A_permanent_refusal_switches_the_channel_off_for_that_reporter_and_staff_see_why()
    {
        var code = await Submit("0905 120 000", "ZALO");
        await Until(code, s => s is "failed");
        Assert.StartsWith("permanent: ZNS -118", await Delivery(code, "detail"));
        Assert.Single(api.Gateways.To("/zns", "84905120000"));
        Assert.Equal("permanent failure: ZNS -118: Zalo account not existed", await api.Database.ScalarAsync<string>("""
            select c.off ->> 'zalo' from cases.reporter_consents c join cases.reporters r on r.ref = c.reporter_ref where r.phone = '0905 120 000'
            """));
    }

    [Fact]
    public async Task A_configuration_error_is_logged_counted_and_not_retried()
    {
        var code = await Submit("0905 121 111", "SMS");
        await Until(code, s => s is "failed");
        Assert.StartsWith("configuration: SMS gateway 101", await Delivery(code, "detail"));
        Assert.Single(api.Gateways.To("/esms", "84905121111"));
        Assert.Contains(api.Logs.Lines, l => l.Contains("misconfigured") && l.Contains("SMS gateway 101"));
        var health = System.Text.Json.Nodes.JsonNode.Parse(await api.App.CreateClient().GetStringAsync("/health/ready"))!;
        Assert.True(health["notifications"]!["configurationErrors"]!.GetValue<int>() >= 1);
    }

    [Theory]
    [InlineData("0905 125 000")] // HTTP 500
    [InlineData("0905 129 999")] // no answer within the 1 s time-out
    public async Task A_gateway_failing_or_timing_out_is_retried_then_dead_lettered_and_never_sent_twice(string phone)
    {
        var code = await Submit(phone, "SMS");
        var normal = "84" + phone.Replace(" ", "")[1..];
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await api.Database.ScalarAsync<long>("""
                   select count(*) from wolverine.wolverine_dead_letters d join cases.mt_doc_caseidentity i on position(convert_to(i.id::text, 'UTF8') in d.body) > 0
                   where i.data ->> 'trackingCode' = $1
                   """, code) == 0)
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("not dead-lettered within 60 s");
            await Task.Delay(200);
        }
        Assert.Equal("failed", await Delivery(code, "status"));
        Assert.StartsWith("transient: ", await Delivery(code, "detail"));
        Assert.Equal(4, api.Gateways.To("/esms", normal).Count()); // the first try and three retries
        Assert.Equal("4", await Delivery(code, "attempts"));
    }

    [Fact]
    public async Task Sms_in_quiet_hours_is_held_until_seven_in_the_morning()
    {
        var before = api.Clock.GetCurrentInstant();
        var night = before.InZone(Sla.WorkingCalendar.Zone).Date.At(new LocalTime(23, 0)).InZoneStrictly(Sla.WorkingCalendar.Zone).ToInstant();
        api.Clock.Reset(night);
        try
        {
            var code = await Submit("0905 127 777", "SMS");
            Assert.Equal("held", await Until(code, s => s is "held"));
            Assert.StartsWith("quiet hours until", await Delivery(code, "detail"));
            Assert.Empty(api.Gateways.To("/esms", "84905127777"));
            var morning = night.Plus(Duration.FromHours(8)).ToDateTimeUtc();
            // The same message, scheduled for 07:00 as the handler finishes (its outgoing messages are flushed then).
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await api.Database.ScalarAsync<long>("""
                       select count(*) from wolverine.wolverine_incoming_envelopes
                       where status = 'Scheduled' and message_type like '%NotifyReporter%' and execution_time = $1
                       """, morning) != 1)
            {
                if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"no message scheduled for {morning:O}");
                await Task.Delay(100);
            }

            // Morning: the held message comes back, and is sent once.
            api.Clock.Reset(night.Plus(Duration.FromHours(8.5)));
            await api.Database.ExecAsync("""
                update wolverine.wolverine_incoming_envelopes set execution_time = now() where status = 'Scheduled' and execution_time = $1
                """, morning);
            Assert.Equal("sent", await Until(code, s => s is "sent"));
            Assert.Single(api.Gateways.To("/esms", "84905127777"));
        }
        finally
        {
            api.Clock.Reset(before);
        }
    }
}
