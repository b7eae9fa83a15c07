using Cases.Handlers;
using Npgsql;

namespace Cases.Tests.Scheduling;

/// <summary>
/// Issue 25, found by the chaos run: a deadline being recorded while PostgreSQL restarted went to Wolverine's dead
/// letters, because what reached Wolverine was Marten's failed rollback (<see cref="ObjectDisposedException"/>
/// "NpgsqlTransaction"), with the broken pipe only inside it. An outage is waited out wherever it sits in the chain;
/// a bug is not mistaken for one.
/// </summary>
public sealed class DatabaseAwayTests
{
    static Exception BrokenPipe() => new NpgsqlException("Exception while writing to stream",
        new IOException("Unable to write data to the transport connection: Broken pipe.", new System.Net.Sockets.SocketException(32)));

    [Fact]
    public void A_rollback_on_a_connection_the_restart_cut_is_the_database_away() =>
        Assert.True(CasesMessaging.DatabaseAway(new ObjectDisposedException("NpgsqlTransaction", BrokenPipe())));

    [Fact]
    public void A_cut_connection_or_a_command_timeout_is_the_database_away()
    {
        Assert.True(CasesMessaging.DatabaseAway(BrokenPipe()));
        Assert.True(CasesMessaging.DatabaseAway(new NpgsqlException("Exception while reading from stream", new TimeoutException("Timeout during reading attempt"))));
        Assert.True(CasesMessaging.DatabaseAway(new InvalidOperationException("Marten", BrokenPipe())));
    }

    [Fact]
    public void A_mail_server_or_gateway_that_is_down_is_not_the_database_away()
    {
        // These have their own rule: retried briefly, then dead-lettered for an operator (SmtpDownTests, GatewayNotificationTests).
        Assert.False(CasesMessaging.DatabaseAway(new Cases.Notifications.NotificationTransientException("SMTP 127.0.0.1:25 refused the connection",
            new System.Net.Sockets.SocketException(111))));
        Assert.False(CasesMessaging.DatabaseAway(new TaskCanceledException("gateway", new TimeoutException("The request timed out"))));
    }

    [Fact]
    public void A_bug_is_not_the_database_away()
    {
        Assert.False(CasesMessaging.DatabaseAway(new ObjectDisposedException("CaseState")));
        Assert.False(CasesMessaging.DatabaseAway(new InvalidOperationException("no running clock", new ArgumentException("timer"))));
    }
}
