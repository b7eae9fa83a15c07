using System.Diagnostics;
using Cases.EventStore;
using Cases.Projections.Daemon;
using JasperFx.Events.Projections;
using Npgsql;

namespace Cases.Projections.ReadApi;

/// <summary>How far the read models had come when a writer stopped waiting for its own command (issue 21).</summary>
/// <param name="CaughtUp">Every read model includes the command's events.</param>
/// <param name="Behind">The read models that did not, when the wait ended.</param>
public sealed record WriteFreshness(bool CaughtUp, long EventSequence, long ReadModelPosition, double WaitedMs, IReadOnlyList<string> Behind);

/// <summary>
/// Read-your-writes (DESIGN 15): waits, bounded, until every read model's position in <c>mt_event_progression</c>
/// has passed the event a command left at (its stream and version, so a replayed command's first result counts
/// too). A stopped projection is not waited for past the timeout: the answer then says how far each view is, never
/// hangs. The wait polls the progression table, a few rows by primary key, from every 5 ms up to every 50 ms.
/// </summary>
public sealed class ReadYourWrites(NpgsqlDataSource db, IReadOnlyList<IReadModel> models)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);
    const string Schema = CasesStore.Schema;
    readonly string[] shards = models.Select(m => ShardName.Compose(m.Name).Identity).ToArray();

    public async Task<WriteFreshness> WaitAsync(Guid streamId, long version, TimeSpan timeout, CancellationToken ct = default)
    {
        timeout = timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout > MaxWait ? MaxWait : timeout;
        var watch = Stopwatch.StartNew();
        await using var conn = await db.OpenConnectionAsync(ct);
        long target;
        await using (var find = new NpgsqlCommand($"select seq_id from {Schema}.mt_events where stream_id = $1 and version = $2", conn)
                         .With(Param.Uuid(streamId), Param.Long(version)))
            target = await find.ExecuteScalarAsync(ct) is long seq ? seq : 0;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var positions = new Dictionary<string, long>();
            await using (var read = new NpgsqlCommand($"select name, last_seq_id from {Schema}.mt_event_progression where name = any($1)", conn)
                             .With(Param.TextArray(shards)))
            await using (var r = await read.ExecuteReaderAsync(ct))
                while (await r.ReadAsync(ct)) positions[r.GetString(0)] = r.GetInt64(1);
            var behind = shards.Where(s => positions.GetValueOrDefault(s) < target).Select(s => s.Split(':')[0]).ToList();
            var position = shards.Min(s => positions.GetValueOrDefault(s));
            if (behind.Count == 0 || watch.Elapsed >= timeout)
                return new WriteFreshness(behind.Count == 0, target, position, Math.Round(watch.Elapsed.TotalMilliseconds, 1), behind);
            var left = timeout - watch.Elapsed;
            await Task.Delay(delay < left ? delay : left, ct);
            delay = TimeSpan.FromMilliseconds(Math.Min(50, delay.TotalMilliseconds * 1.5));
        }
    }
}
