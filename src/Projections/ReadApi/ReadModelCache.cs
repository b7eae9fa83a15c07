using Cases.EventStore;
using Cases.Projections.Daemon;
using JasperFx.Events.Projections;
using Npgsql;

namespace Cases.Projections.ReadApi;

/// <summary>
/// An exact cache for the staff work lists (issue 20: the console at 10^5 open cases). Every entry is stamped with the
/// positions of the read models its query reads (their rows in <c>mt_event_progression</c>); a request reads those
/// positions, a few rows by primary key, and is answered from memory while none has moved since the entry was made.
/// This is exact, not a time-to-live: only the daemon writes the read models, and it moves a position in the same
/// transaction as the rows it writes, so an entry stamped with the current positions is what the tables hold, and a
/// projection's commit (an operator's action, once projected, which read-your-writes waits for) makes every entry
/// that reads it stale at once. Between commits, every console asking the same page shares one read of it.
/// </summary>
public sealed class ReadModelCache(NpgsqlDataSource db, int capacity = 512)
{
    /// <summary>The daemon's shards of the read models, as <c>mt_event_progression</c> names them.</summary>
    public static readonly string[] AgencyQueues = Shards("agency_queues");
    public static readonly string[] AllModels = Shards("agency_queues", "public_cases", "sla");

    static string[] Shards(params string[] models) => models.Select(m => ShardName.Compose(m).Identity).ToArray();

    readonly object gate = new();
    readonly Dictionary<string, (string Stamp, Task<object?> Value)> entries = [];

    /// <summary>Answers from memory, or loads (and keeps) what <paramref name="load"/> reads.</summary>
    /// <param name="key">Everything the query's answer depends on besides the read models' contents.</param>
    public async Task<T> GetAsync<T>(string key, string[] shards, Func<Task<T>> load, CancellationToken ct)
    {
        // The stamp is read before the rows: if the daemon commits in between, the entry holds newer rows under the
        // older stamp, which no later request will ask for (positions only move forward).
        var stamp = await StampAsync(shards, ct);
        (string Stamp, Task<object?> Value) entry;
        lock (gate)
        {
            // One load per page and stamp: the consoles that ask it while it is read (all of them, right after a
            // commit made every entry stale) wait for that read instead of each making its own.
            if (!entries.TryGetValue(key, out entry) || entry.Stamp != stamp)
            {
                // Bounded by clearing: entries of old stamps are garbage anyway, and a full cache is rarely reached
                // (the first pages of a few filters are what the consoles ask).
                if (entries.Count >= capacity) entries.Clear();
                entries[key] = entry = (stamp, Task.Run(() => Boxed(load), CancellationToken.None)); // started outside the lock
            }
        }
        try
        {
            return (T)(await entry.Value.WaitAsync(ct))!;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // A failed read is not kept. Its error is this request's too (a bad cursor, the database away), unless
            // the read was cancelled with the request that started it: then this one reads for itself.
            lock (gate)
                if (entries.TryGetValue(key, out var kept) && kept.Value == entry.Value) entries.Remove(key);
            if (e is not OperationCanceledException) throw;
            return await load();
        }
    }

    static async Task<object?> Boxed<T>(Func<Task<T>> load) => await load();

    // The time of the last update too: a rebuild swapped in at the position the live view had holds the same rows
    // (rebuild equality), but a stamp that moves with it costs nothing.
    async Task<string> StampAsync(string[] shards, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select coalesce(string_agg(name || '=' || coalesce(last_seq_id, 0) || '@' || coalesce(last_updated::text, ''), ',' order by name), '')
            from {CasesStore.Schema}.mt_event_progression where name = any($1)
            """).With(Param.TextArray(shards));
        return (string)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
