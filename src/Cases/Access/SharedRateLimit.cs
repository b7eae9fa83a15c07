using Npgsql;
using NodaTime;

namespace Cases.Access;

/// <summary>
/// A per-client limit counted in PostgreSQL, so every node enforces one limit together (issue 26): two nodes behind
/// a load balancer allow the limit, not twice it. A sliding window of one minute, estimated from two fixed
/// one-minute counts (the previous minute's weighted by how much of it still lies inside the window), so a
/// client cannot double its rate across a minute's boundary. Every request counts, a refused one too: a client that
/// ignores <c>Retry-After</c> stays refused. One round trip per request, on an unlogged table.
/// </summary>
public sealed class SharedRateLimit(NpgsqlDataSource db, IClock clock, string bucket, int perMinute)
{
    static readonly Duration Window = Duration.FromMinutes(1);
    long lastSweep; // Environment.TickCount64 of this node's last removal of old windows

    public int PerMinute => perMinute;

    /// <summary>Null when <paramref name="client"/> may go ahead; otherwise how long until it may, in whole seconds (at least 1).</summary>
    public async Task<TimeSpan?> RefuseAsync(string client, CancellationToken ct = default)
    {
        var now = clock.GetCurrentInstant();
        var start = Instant.FromUnixTimeSeconds(now.ToUnixTimeSeconds() / 60 * 60);
        await using var cmd = db.CreateCommand("""
            with hit as (
                insert into cases.rate_counts as c (bucket, client, window_start, hits) values ($1, $2, $3, 1)
                on conflict (bucket, client, window_start) do update set hits = c.hits + 1
                returning hits)
            select hit.hits,
                   coalesce((select hits from cases.rate_counts where bucket = $1 and client = $2 and window_start = $4), 0)
            from hit
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = bucket });
        cmd.Parameters.Add(new NpgsqlParameter { Value = client });
        cmd.Parameters.Add(new NpgsqlParameter { Value = start.ToDateTimeUtc() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (start - Window).ToDateTimeUtc() });
        int current, previous;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            (current, previous) = (r.GetInt32(0), r.GetInt32(1));
        }
        await SweepAsync(start, ct);

        var elapsed = (now - start) / Window; // 0..1 of the current minute
        if (previous * (1 - elapsed) + current <= perMinute) return null;
        // Allowed again once the previous minute's weight has fallen enough, or at the next minute if this one alone is over.
        var until = current >= perMinute || previous == 0
            ? 1.0
            : Math.Min(1.0, 1 - (perMinute - current) / (double)previous);
        var wait = Math.Max(1, Math.Ceiling((until - elapsed) * Window.TotalSeconds));
        return TimeSpan.FromSeconds(wait);
    }

    /// <summary>Removes windows no estimate reads any more, at most once a minute per node.</summary>
    async Task SweepAsync(Instant start, CancellationToken ct)
    {
        var last = Interlocked.Read(ref lastSweep);
        if (Environment.TickCount64 - last < 60_000 || Interlocked.CompareExchange(ref lastSweep, Environment.TickCount64, last) != last) return;
        await using var cmd = db.CreateCommand("delete from cases.rate_counts where bucket = $1 and window_start < $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = bucket });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (start - Window).ToDateTimeUtc() });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
