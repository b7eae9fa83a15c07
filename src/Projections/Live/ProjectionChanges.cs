using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Cases.Projections.Live;

/// <summary>
/// Live changes of the read models, on every node: each projection batch announces the keys it changed with
/// <c>pg_notify</c> in its own transaction (<see cref="Daemon.LiveProjection"/>), so PostgreSQL delivers them at
/// commit, to every node that listens, and never for a batch that rolled back. One connection per node LISTENs
/// (Npgsql's <c>WaitAsync</c>) and fans each notice out to this node's subscribers of that projection and key.
/// If the listening connection drops, notices sent meanwhile are lost, so after reconnecting every subscriber
/// hears a <see cref="Change.Resync"/> and reads its view again.
/// </summary>
public sealed class ProjectionChanges(NpgsqlDataSource db, ILogger<ProjectionChanges> log) : BackgroundService
{
    /// <summary>The NOTIFY channel. Payload: the projection's name, then one key a line.</summary>
    public const string Channel = "cases_projection_changes";

    // NOTIFY payloads must be shorter than 8000 bytes (PostgreSQL docs, NOTIFY); a batch's keys are split to fit.
    const int MaxPayloadBytes = 7000;

    readonly ConcurrentDictionary<(string Projection, string Key), ConcurrentDictionary<Subscriber, byte>> _subscribers = new();
    readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Subscribers on this node now (every view any live operation is watching).</summary>
    public int Subscribers => _subscribers.Values.Sum(s => s.Count);

    /// <summary>Completes once this node's listener has issued LISTEN (tests and benchmarks wait for it).</summary>
    public Task Listening => _listening.Task;

    /// <summary>The NOTIFY payloads announcing <paramref name="keys"/> of <paramref name="projection"/>, each within the size limit.</summary>
    public static IEnumerable<string> Payloads(string projection, IEnumerable<string> keys)
    {
        var payload = new StringBuilder(projection);
        var empty = true;
        foreach (var key in keys)
        {
            if (!empty && Encoding.UTF8.GetByteCount(payload.ToString()) + Encoding.UTF8.GetByteCount(key) + 1 > MaxPayloadBytes)
            {
                yield return payload.ToString();
                payload.Clear().Append(projection);
            }
            payload.Append('\n').Append(key);
            empty = false;
        }
        if (!empty) yield return payload.ToString();
    }

    /// <summary>
    /// The changes of one key of one projection (<see cref="AnyKey"/>: all of them), from now until the returned
    /// subscription is disposed. A slow reader loses nothing it needs: it keeps the latest few changes, and each
    /// says only "read again".
    /// </summary>
    public Subscription Subscribe(string projection, string key)
    {
        var subscriber = new Subscriber(System.Threading.Channels.Channel.CreateBounded<Change>(new BoundedChannelOptions(4)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = false,
        }));
        var set = _subscribers.GetOrAdd((projection, key), _ => new ConcurrentDictionary<Subscriber, byte>());
        set[subscriber] = 0;
        return new Subscription(subscriber.Queue.Reader, () =>
        {
            set.TryRemove(subscriber, out _);
            subscriber.Queue.Writer.TryComplete();
            if (set.IsEmpty) _subscribers.TryRemove(new KeyValuePair<(string, string), ConcurrentDictionary<Subscriber, byte>>((projection, key), set));
        });
    }

    /// <summary>The key that receives every change of a projection.</summary>
    public const string AnyKey = "*";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Publish(e.Payload);
                await using (var listen = new NpgsqlCommand($"listen {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                _listening.TrySetResult();
                if (reconnecting)
                {
                    log.LogInformation("Listening for projection changes again; every live subscriber reads its view again");
                    foreach (var ((projection, key), set) in _subscribers) Deliver(set, new Change(projection, key, resync: true));
                }
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.IO.IOException or InvalidOperationException)
            {
                log.LogWarning(e, "The projection-change listener lost its connection; retrying in 1 s");
                reconnecting = true;
                try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    void Publish(string payload)
    {
        var lines = payload.Split('\n');
        var projection = lines[0];
        if (_subscribers.TryGetValue((projection, AnyKey), out var all))
            Deliver(all, new Change(projection, AnyKey, resync: false) { Keys = lines[1..] });
        foreach (var key in lines.AsSpan(1))
            if (_subscribers.TryGetValue((projection, key), out var set)) Deliver(set, new Change(projection, key, resync: false));
    }

    static void Deliver(ConcurrentDictionary<Subscriber, byte> set, Change change)
    {
        foreach (var subscriber in set.Keys) subscriber.Queue.Writer.TryWrite(change);
    }

    sealed record Subscriber(Channel<Change> Queue);
}
