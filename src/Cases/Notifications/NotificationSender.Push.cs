using Cases.Domain;
using Cases.EventStore;

namespace Cases.Notifications;

// Web Push (issue 22, part 3): each browser following the case is a recipient of its own, told of the updates after
// it turned push on, at once (quiet hours hold only SMS and Zalo). No secret ever goes into a push message: the link
// opens the case page, where the browser that followed the case may have the secret remembered.
public sealed partial class NotificationSender
{
    async Task PushAsync(Guid caseId, IReadOnlyList<StoredEvent> events, CaseState state, IReadOnlyList<(long Version, string Kind)> updates, CancellationToken ct)
    {
        var subscriptions = await pushes.ForCaseAsync(caseId, ct);
        if (subscriptions.Count == 0) return;
        if (channels.For(NotificationChannel.Push) is not { } channel)
        {
            foreach (var s in subscriptions)
                await deliveries.RecordUnsentAsync(new DeliveryRecords.Key(caseId, s.Recipient, NotificationChannel.Push),
                    [.. updates.Where(u => u.Version > s.FromVersion)], "no_channel", "no channel configured", MaskEndpoint(s.Endpoint), ct);
            return;
        }
        foreach (var s in subscriptions)
        {
            var items = updates.Where(u => u.Version > s.FromVersion).ToList();
            if (items.Count == 0) continue;
            var key = new DeliveryRecords.Key(caseId, s.Recipient, NotificationChannel.Push);
            var messageId = Guid.CreateVersion7();
            var claimed = await deliveries.ClaimAsync(key, items, messageId, MaskEndpoint(s.Endpoint), ct);
            if (claimed.Count == 0) continue; // a redelivery: this browser was told already
            var lines = await Task.WhenAll(claimed.Select(v => Line(events.First(e => e.Version == v), state, null, ct)));
            var content = NotificationTemplates.Push(s.Language, state.TrackingCode, lines, CaseUrl(state.TrackingCode, null));
            var message = new OutgoingMessage(messageId, s.Endpoint, content, null, null) { Push = new PushKeys(s.P256dh, s.Auth) };
            if (await SendAsync(channel, messageId, message, key, null, ct) is SendResult.Permanent)
            {
                // 404 or 410: the browser dropped the subscription; nothing will ever reach it again.
                await pushes.DeleteAsync(caseId, s.Endpoint, ct);
                log.ForContext("CaseId", caseId).ForContext("TrackingCode", state.TrackingCode).ForContext("Recipient", s.Recipient)
                    .Information("Push subscription deleted: the push service no longer knows it");
            }
        }
    }

    /// <summary>What staff see of a browser: the push service's host, never the subscription's path.</summary>
    static string MaskEndpoint(string endpoint) => Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? uri.Host + "/…" : "…";
}
