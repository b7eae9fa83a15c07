using Cases.Domain;
using Cases.GraphQL.Tests.Api;
using Cases.Handlers;
using Cases.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Wolverine;

namespace Cases.GraphQL.Tests.Notifications;

/// <summary>The API with Web Push allowed to <see cref="PushServiceDouble"/>'s origin (as a test origin), and the clock at 23:00 in Huế: quiet hours.</summary>
public sealed class PushFixture : ApiFixture
{
    public PushServiceDouble Push { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Push = await PushServiceDouble.StartAsync();
        Clock.Reset(Clock.GetCurrentInstant().InZone(Sla.WorkingCalendar.Zone).Date.At(new LocalTime(23, 0)).InZoneStrictly(Sla.WorkingCalendar.Zone).ToInstant());
        await base.InitializeAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Notifications:Push:TestOrigins:0", Push.Url);
        builder.UseSetting("Notifications:Push:Subject", "mailto:thongbao@ioc.hue.test");
        builder.UseSetting("Notifications:CoalesceSeconds", "0");
        builder.UseSetting("Notifications:Digest:Enabled", "false");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Push.DisposeAsync();
    }
}

/// <summary>
/// Web Push (issue 22, part 3): a browser following a case with its secret is told of what happens next, at once (even
/// in quiet hours), through a VAPID-signed aes128gcm request; 410 deletes the subscription; 429 is retried; a foreign
/// endpoint is refused with a typed error; a redelivery sends nothing twice; erasure ends it.
/// </summary>
public sealed class PushNotificationTests(PushFixture api) : IClassFixture<PushFixture>
{
    readonly Lifecycle life = new(api);

    async Task<GraphQLResponse> Enable(string code, string secret, string endpoint, (string P256dh, string Auth)? keys = null, string language = "VI")
    {
        var (p256dh, auth) = keys ?? PushServiceDouble.BrowserKeys();
        return await api.Client().Send("""
            mutation($input: EnablePushNotificationsInput!) { enablePushNotifications(input: $input) { trackingCode enabled } }
            """, new { input = new { trackingCode = code, secret, endpoint, p256dh, auth, language } });
    }

    async Task<(string Code, string Endpoint)> Following(string kind)
    {
        var (code, secret) = await life.Submit();
        var endpoint = $"{api.Push.Url}/push/{kind}-{Guid.NewGuid():N}";
        Assert.True((await Enable(code, secret, endpoint)).Ok()["enablePushNotifications"]!["enabled"]!.GetValue<bool>());
        return (code, endpoint);
    }

    static string Id(string endpoint) => endpoint[(endpoint.LastIndexOf('/') + 1)..];

    Task<string?> Delivery(string code, string endpoint, string column = "status") => api.Database.ScalarAsync<string>($"""
        select {column}::text from cases.notification_deliveries d join cases.mt_doc_caseidentity i on i.id = d.case_id
        where i.data ->> 'trackingCode' = $1 and recipient = $2 and channel = 'push' order by event_version desc limit 1
        """, code, PushSubscriptionRow.RecipientOf(endpoint));

    async Task<string> Until(string code, string endpoint, Func<string?, bool> done, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var s = await Delivery(code, endpoint);
            if (done(s)) return s!;
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"push delivery of {code} is {s ?? "absent"} after {seconds} s");
            await Task.Delay(100);
        }
    }

    Task<long> Subscriptions(string endpoint) => api.Database.ScalarAsync<long>("select count(*) from cases.push_subscriptions where endpoint = $1", endpoint);

    Task<Guid> CaseId(string code) => api.Database.ScalarAsync<Guid>("select id from cases.mt_doc_caseidentity where data ->> 'trackingCode' = $1", code);

    [Fact]
    public async Task A_browser_following_a_case_is_told_at_once_by_a_VAPID_signed_aes128gcm_push_even_in_quiet_hours()
    {
        var (code, endpoint) = await Following("ok");
        await life.Ok(api.OperatorKey, "verifyCase", code);
        Assert.Equal("sent", await Until(code, endpoint, s => s is "sent" or "failed" or "held"));
        var request = Assert.Single(api.Push.To(Id(endpoint)));
        Assert.Equal(201, request.Status);
        Assert.Equal("aes128gcm", request.ContentEncoding);
        var publicKey = (await api.Client().Send("{ pushPublicKey }")).Ok()["pushPublicKey"]!.GetValue<string>();
        Assert.EndsWith("k=" + publicKey, request.Authorization);
        Assert.Equal("verified", await Delivery(code, endpoint, "kind"));
        // Told of what happened after push was turned on: the receipt (before it) is not sent to the browser.
        Assert.Equal(1, await api.Database.ScalarAsync<long>("select count(*) from cases.notification_deliveries where recipient = $1",
            PushSubscriptionRow.RecipientOf(endpoint)));
        Assert.Equal("127.0.0.1/…", await Delivery(code, endpoint, "address_masked"));
    }

    [Fact]
    public async Task A_push_service_answering_410_deletes_the_subscription_and_nothing_is_retried()
    {
        var (code, endpoint) = await Following("gone");
        await life.Ok(api.OperatorKey, "verifyCase", code);
        Assert.Equal("failed", await Until(code, endpoint, s => s is "failed" or "sent"));
        Assert.StartsWith("permanent: push service 410", await Delivery(code, endpoint, "detail"));
        Assert.Equal(0, await Subscriptions(endpoint));
        // The next update (handled inline here, so its outcome is known when the call returns) finds no browser to tell.
        var assigned = await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco" });
        await api.App.Services.GetRequiredService<IMessageBus>().InvokeAsync(new NotifyReporter(await CaseId(code), assigned["version"]!.GetValue<int>()));
        Assert.Single(api.Push.To(Id(endpoint)));
    }

    [Fact]
    public async Task A_redelivered_message_sends_nothing_twice()
    {
        var (code, endpoint) = await Following("ok");
        var verified = await life.Ok(api.OperatorKey, "verifyCase", code);
        await Until(code, endpoint, s => s is "sent");
        var again = new NotifyReporter(await CaseId(code), verified["version"]!.GetValue<int>());
        await api.App.Services.GetRequiredService<IMessageBus>().InvokeAsync(again);
        await api.App.Services.GetRequiredService<IMessageBus>().InvokeAsync(again);
        Assert.Single(api.Push.To(Id(endpoint)));
        Assert.Equal("1", await Delivery(code, endpoint, "attempts"));
    }

    [Fact]
    public async Task A_busy_push_service_is_retried_with_back_off_then_dead_lettered_and_the_command_is_unaffected()
    {
        var (code, endpoint) = await Following("busy");
        var verified = await life.Ok(api.OperatorKey, "verifyCase", code);
        Assert.Equal("VERIFIED", verified["status"]!.GetValue<string>());
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await Delivery(code, endpoint, "attempts") != "4")
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException($"attempts: {await Delivery(code, endpoint, "attempts")}");
            await Task.Delay(200);
        }
        Assert.StartsWith("transient: push service 429", await Delivery(code, endpoint, "detail"));
        Assert.Equal(4, api.Push.To(Id(endpoint)).Count);
        Assert.Equal(1, await Subscriptions(endpoint)); // busy is not gone: the browser keeps its subscription
    }

    [Theory]
    [InlineData("https://evil.example.com/push/x", "endpoint")]
    [InlineData("http://fcm.googleapis.com/fcm/send/x", "endpoint")]
    [InlineData("https://fcm.googleapis.com.evil.example/fcm/send/x", "endpoint")]
    [InlineData("https://fcm.googleapis.com:8443/fcm/send/x", "endpoint")]
    [InlineData("https://user@fcm.googleapis.com/fcm/send/x", "endpoint")]
    [InlineData("https://127.0.0.1/push/x", "endpoint")]
    [InlineData("https://10.0.0.7/push/x", "endpoint")]
    [InlineData("https://[::1]/push/x", "endpoint")]
    [InlineData("https://localhost/push/x", "endpoint")]
    [InlineData("không phải địa chỉ", "endpoint")]
    [InlineData("https://fcm.googleapis.com/fcm/send/ok", "p256dh")]
    public async Task A_foreign_endpoint_or_a_bad_key_is_refused_on_its_field_and_nothing_is_stored(string endpoint, string field)
    {
        var (code, secret) = await life.Submit();
        var keys = field == "p256dh" ? ("AAAA", PushServiceDouble.BrowserKeys().Auth) : PushServiceDouble.BrowserKeys();
        var response = await Enable(code, secret, endpoint, keys);
        Assert.Equal("VALIDATION_FAILED", response.Code);
        Assert.Equal(field, response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(0, await api.Database.ScalarAsync<long>(
            "select count(*) from cases.push_subscriptions where case_id = (select id from cases.mt_doc_caseidentity where data ->> 'trackingCode' = $1)", code));
    }

    [Fact]
    public async Task A_known_push_service_is_taken_and_a_wrong_secret_is_forbidden()
    {
        var (code, secret) = await life.Submit();
        Assert.True((await Enable(code, secret, "https://fcm.googleapis.com/fcm/send/abc:def")).Ok()["enablePushNotifications"]!["enabled"]!.GetValue<bool>());
        Assert.True((await Enable(code, secret, "https://updates.push.services.mozilla.com/wpush/v2/gAAAA")).Ok()["enablePushNotifications"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("FORBIDDEN", (await Enable(code, "cs_wrong", "https://fcm.googleapis.com/fcm/send/other")).Code);
        Assert.Equal(0, await Subscriptions("https://fcm.googleapis.com/fcm/send/other"));
        var off = await api.Client().Send("""
            mutation($input: DisablePushNotificationsInput!) { disablePushNotifications(input: $input) { enabled } }
            """, new { input = new { trackingCode = code, secret, endpoint = "https://fcm.googleapis.com/fcm/send/abc:def" } });
        Assert.False(off.Ok()["disablePushNotifications"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(0, await Subscriptions("https://fcm.googleapis.com/fcm/send/abc:def"));
    }

    [Fact]
    public async Task A_case_is_followed_by_at_most_ten_browsers_and_one_renewing_its_keys_is_not_counted_twice()
    {
        var (code, secret) = await life.Submit();
        for (var i = 0; i < PushSubscriptions.MaxPerCase; i++)
            (await Enable(code, secret, $"https://fcm.googleapis.com/fcm/send/many-{i}")).Ok();
        (await Enable(code, secret, "https://fcm.googleapis.com/fcm/send/many-0")).Ok(); // the same browser, new keys
        var refused = await Enable(code, secret, "https://fcm.googleapis.com/fcm/send/one-too-many");
        Assert.Equal("VALIDATION_FAILED", refused.Code);
        Assert.Equal("endpoint", refused.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(PushSubscriptions.MaxPerCase, await api.Database.ScalarAsync<long>(
            "select count(*) from cases.push_subscriptions where case_id = (select id from cases.mt_doc_caseidentity where data ->> 'trackingCode' = $1)", code));
    }

    [Fact]
    public async Task Erasure_ends_push_for_the_case()
    {
        var (code, endpoint) = await Following("ok");
        var outcome = await api.App.Services.GetRequiredService<CaseCommands>().HandleAsync(await CaseId(code), new CaseCommand.ErasePersonalData(),
            new CommandEnvelope(new Actor("admin", Role.Admin), "test-erase"));
        Assert.IsType<CommandOutcome.Done>(outcome);
        Assert.Equal(0, await Subscriptions(endpoint));
    }
}
