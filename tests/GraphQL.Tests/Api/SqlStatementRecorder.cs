using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// Records the SQL that Npgsql runs against one database while it is alive. Npgsql traces every command as an
/// <see cref="Activity"/> of the "Npgsql" source, with the database and the statement as tags, so counting needs
/// no hook in the app. Tests of a class share their database, and run one at a time, so what is recorded is theirs
/// (plus the projection daemon's polling, which tests filter out by the statement's text).
/// </summary>
public sealed class SqlStatementRecorder : IDisposable
{
    readonly ActivityListener listener;
    readonly ConcurrentQueue<string> statements = new();

    public SqlStatementRecorder(string database)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("db.namespace") as string == database && activity.GetTagItem("db.query.text") is string sql)
                    statements.Enqueue(sql);
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<string> Statements => [.. statements];

    /// <summary>How many recorded statements contain <paramref name="text"/>.</summary>
    public int Count(string text) => statements.Count(s => s.Contains(text, StringComparison.Ordinal));

    public void Dispose() => listener.Dispose();
}
