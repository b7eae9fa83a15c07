using Cases.GraphQL.Tests.Api;

namespace Cases.GraphQL.Tests.Notifications;

/// <summary>The app pointed at an SMTP port where nothing listens: the server is down.</summary>
public sealed class SmtpDownFixture : NotificationsFixture
{
    readonly int closed = Smtp4dev.FreePort();
    protected override int SmtpPort => closed;
}

/// <summary>An SMTP server that is down: retried with back-off, then dead-lettered; the command that caused it is unaffected.</summary>
public sealed class SmtpDownTests(SmtpDownFixture api) : IClassFixture<SmtpDownFixture>
{
    [Fact]
    public async Task A_server_that_is_down_is_retried_then_dead_lettered_and_the_command_is_unaffected()
    {
        var response = await api.Client().Send("""
            mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode case { status } } }
            """, new
        {
            input = new
            {
                kind = "FIELD_REPORT", category = "sanitation_environment", description = "Đèn đường hỏng", ward = "Thuận Hóa", location = new { latitude = 16.4660, longitude = 107.5960 },
                reporter = new { email = "down@example.vn" }, notify = new[] { "EMAIL" },
            },
        });
        var code = response.Ok()["submitCase"]!["trackingCode"]!.GetValue<string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await api.Database.ScalarAsync<long>("select count(*) from wolverine.wolverine_dead_letters where message_type like '%NotifyReporter%'") == 0)
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("The notification was not dead-lettered within 60 s.");
            await Task.Delay(200);
        }
        Assert.Equal(1, await api.Database.ScalarAsync<long>("""
            select count(*) from cases.notification_deliveries where status = 'failed' and detail like 'transient: SMTP%' and attempts = 4
            """));
        var health = System.Text.Json.Nodes.JsonNode.Parse(await api.App.CreateClient().GetStringAsync("/health/ready"))!;
        Assert.Equal(1, health["notifications"]!["deadLettered"]!.GetValue<int>());
        Assert.Equal(1, health["notifications"]!["failed"]!.GetValue<int>());
        // The case itself was received, as if no mail server existed.
        await api.Projected();
        Assert.Equal("RECEIVED", (await api.Client().Send($$"""{ case(trackingCode: "{{code}}") { status } }""")).Ok()["case"]!["status"]!.GetValue<string>());
    }
}
