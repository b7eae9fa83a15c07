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
    public void A_refused_connection_and_a_timeout_are_the_database_away()
    {
        Assert.True(CasesMessaging.DatabaseAway(BrokenPipe()));
        Assert.True(CasesMessaging.DatabaseAway(new TimeoutException("Timeout during reading attempt")));
        Assert.True(CasesMessaging.DatabaseAway(new InvalidOperationException("wrapped", new System.Net.Sockets.SocketException(111))));
    }

    [Fact]
    public void A_bug_is_not_the_database_away()
    {
        Assert.False(CasesMessaging.DatabaseAway(new ObjectDisposedException("CaseState")));
        Assert.False(CasesMessaging.DatabaseAway(new InvalidOperationException("no running clock", new ArgumentException("timer"))));
    }
}
