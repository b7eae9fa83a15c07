using Cases.GraphQL.Notifications;
using Cases.Notifications;
using MailKit.Security;

namespace Cases.GraphQL.Tests.Notifications;

/// <summary>
/// The e-mail channel keeps its SMTP connections open between messages (issue 22, the bench aim), and replaces one
/// the server closed while it sat idle without losing the message. Against a real smtp4dev.
/// </summary>
public sealed class SmtpConnectionTests
{
    static OutgoingMessage Message(string to, string subject) => new(Guid.CreateVersion7(), to,
        new RenderedMessage(subject, "text", "<p>html</p>", "received", new Dictionary<string, string>()), null, null);

    static SmtpSettings Settings(int port) =>
        new("127.0.0.1", port, "thongbao@ioc.hue.test", null, null, SecureSocketOptions.None, TimeSpan.FromSeconds(5))
        {
            Connections = 2, IdleCheck = TimeSpan.FromMinutes(10),
        };

    [Fact]
    public async Task Messages_sent_one_after_another_share_one_SMTP_connection()
    {
        await using var smtp = await Smtp4dev.StartAsync();
        using var channel = new EmailChannel(Settings(smtp.SmtpPort));
        for (var i = 0; i < 3; i++)
            Assert.IsType<SendResult.Accepted>(await channel.SendAsync(Message("pool@example.vn", $"pooled {i}"), CancellationToken.None));
        await smtp.WaitForAsync("pool@example.vn", 3);
        // The fixture's start-up probe (a bare TCP connect) is a session that ended in error; ours is the one other.
        var sessions = (await smtp.SessionsAsync()).Where(s => !s!["terminatedWithError"]!.GetValue<bool>()).ToList();
        Assert.Single(sessions);
        Assert.Null(sessions[0]!["endDate"]?.GetValue<string>()); // still open, for the next message
    }

    [Fact]
    public async Task A_connection_the_server_dropped_is_replaced_and_the_message_still_goes()
    {
        var first = await Smtp4dev.StartAsync();
        var port = first.SmtpPort;
        using var channel = new EmailChannel(Settings(port));
        Assert.IsType<SendResult.Accepted>(await channel.SendAsync(Message("before@example.vn", "before the restart"), CancellationToken.None));
        // The server goes away and comes back on the same port: the pooled connection is dead, and its idle check
        // (10 minutes) will not notice before the next message.
        await first.DisposeAsync();
        await using var second = await Smtp4dev.StartAsync(port);
        Assert.IsType<SendResult.Accepted>(await channel.SendAsync(Message("after@example.vn", "after the restart"), CancellationToken.None));
        Assert.Single(await second.WaitForAsync("after@example.vn"));
    }

    [Fact]
    public async Task A_refused_recipient_does_not_spoil_the_connection_for_the_next_message()
    {
        await using var smtp = await Smtp4dev.StartAsync();
        using var channel = new EmailChannel(Settings(smtp.SmtpPort));
        Assert.IsType<SendResult.Permanent>(await channel.SendAsync(Message("refused@example.vn", "refused"), CancellationToken.None));
        Assert.IsType<SendResult.Accepted>(await channel.SendAsync(Message("next@example.vn", "next"), CancellationToken.None));
        Assert.Single(await smtp.WaitForAsync("next@example.vn"));
    }
}
