using Npgsql;

namespace Cases.EventStore;

/// <summary>
/// Wakes the projection daemons (<c>LISTEN cases_events</c>) after appends commit. A NOTIFY inside the
/// appending transaction would take PostgreSQL's database-wide notify lock at commit and serialise every
/// commit and its WAL flush: measured, 16 concurrent writers fell to the rate of one. So the workflow
/// signals here after its commit, and any number of signals in a short window become one NOTIFY sent
/// outside any write transaction. A lost wake-up costs only latency: the daemons also poll.
/// </summary>
public sealed class AppendNotifier(NpgsqlDataSource db)
{
    public const string Channel = "cases_events";
    static readonly TimeSpan Window = TimeSpan.FromMilliseconds(5);
    int _pending;

    public void Signal()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1) return; // a NOTIFY is already on its way
        _ = Task.Run(async () =>
        {
            await Task.Delay(Window);
            // Reset before sending: a signal arriving from here on schedules another NOTIFY, so no commit
            // is ever left without a wake-up sent after it.
            Interlocked.Exchange(ref _pending, 0);
            try
            {
                await using var cmd = db.CreateCommand($"notify {Channel}");
                await cmd.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException)
            {
                // The daemons' polling picks the events up.
            }
        });
    }
}
