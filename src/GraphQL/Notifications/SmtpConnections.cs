using System.Collections.Concurrent;
using MailKit.Net.Smtp;

namespace Cases.GraphQL.Notifications;

/// <summary>
/// A few connected (and, with credentials, authenticated) MailKit clients per node, reused from one message to the
/// next (issue 22, the bench aim): a connection per message cost the TCP and SMTP greeting, EHLO, STARTTLS and AUTH
/// every time, and held the queue behind the writers. At most <see cref="SmtpSettings.Connections"/> are open, as
/// many as the notification queue sends in parallel. A connection idle longer than
/// <see cref="SmtpSettings.IdleCheck"/> is asked NOOP before use (servers drop idle clients, RFC 5321 4.5.3.2.7 lets
/// them after 5 minutes) and replaced if that fails; a connection that failed in any way is never put back.
/// </summary>
public sealed class SmtpConnections(SmtpSettings settings) : IDisposable
{
    readonly SemaphoreSlim slots = new(settings.Connections, settings.Connections);
    readonly ConcurrentStack<(SmtpClient Client, DateTime IdleSince)> idle = new();

    /// <summary>A client for one message, and whether it was used before (then a failure may be its staleness).</summary>
    public sealed record Lease(SmtpClient Client, bool Reused);

    /// <summary>Waits for a free slot; the caller gives it back with <see cref="Return"/> or <see cref="Discard"/>.</summary>
    public async Task<Lease> TakeAsync(CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            while (idle.TryPop(out var pooled))
            {
                if (!pooled.Client.IsConnected) { pooled.Client.Dispose(); continue; }
                if (DateTime.UtcNow - pooled.IdleSince < settings.IdleCheck) return new Lease(pooled.Client, true);
                try
                {
                    await pooled.Client.NoOpAsync(ct);
                    return new Lease(pooled.Client, false);
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    pooled.Client.Dispose(); // gone stale while idle: open a new one
                }
            }
            return new Lease(await ConnectAsync(ct), false);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    /// <summary>A fresh connection in place of a leased one that turned out stale; the slot stays taken.</summary>
    public async Task<Lease> ReplaceAsync(Lease stale, CancellationToken ct)
    {
        stale.Client.Dispose();
        return new Lease(await ConnectAsync(ct), false);
    }

    public void Return(Lease lease)
    {
        if (lease.Client.IsConnected) idle.Push((lease.Client, DateTime.UtcNow));
        else lease.Client.Dispose();
        slots.Release();
    }

    public void Discard(Lease lease)
    {
        lease.Client.Dispose();
        slots.Release();
    }

    async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.Tls, ct);
            if (settings.User is { } user) await client.AuthenticateAsync(user, settings.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        while (idle.TryPop(out var pooled))
        {
            try { if (pooled.Client.IsConnected) pooled.Client.Disconnect(true); }
            catch (Exception) { /* closing: a server already gone has nothing to be told */ }
            pooled.Client.Dispose();
        }
    }
}
