using Cases.Domain;
using Cases.EventStore;
using NodaTime;
using Npgsql;
using Wolverine;

namespace Cases.Notifications;

/// <summary>
/// Sends what planning queued, when Wolverine's durable queue hands it over: reads the case from the event store and
/// the contact from cases.reporters at that moment, claims the delivery records, renders, sends, records the outcome.
/// </summary>
public sealed partial class NotificationSender(
    NpgsqlDataSource db, CaseEventStore store, NotificationChannels channels, NotificationOptions options,
    ReporterContacts contacts, DeliveryRecords deliveries, UnsubscribeTokens tokens, PushSubscriptions pushes, IClock clock, Serilog.ILogger log)
{
    static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    public async Task ReporterAsync(NotifyReporter m, IMessageContext bus, CancellationToken ct)
    {
        var events = await store.ReadStreamAsync(m.CaseId, ct: ct);
        var state = CaseState.Fold(m.CaseId, events.Select(e => e.Event));
        if (state.PersonalDataErased) return;
        // Coalescing: a later update planned its own message, which will carry this one's too.
        if (events.Any(e => e.Version > m.Version && NotificationKinds.ForReporter(e.Event) is not null)) return;
        var updates = events.Where(e => e.Version <= m.Version && NotificationKinds.ForReporter(e.Event) is not null)
            .Select(e => (e.Version, Kind: NotificationKinds.ForReporter(e.Event)!)).ToList();
        if (updates.Count == 0) return;
        // The browsers following the case (Web Push) need no contact: a case reported without one can be followed too.
        await PushAsync(m.CaseId, events, state, updates, ct);
        if (state.ReporterRef is not { } reporterRef || await contacts.ReadAsync(reporterRef, ct) is not { } reach) return;
        var secret = updates.Any(u => u.Kind == NotificationKinds.Received) ? await contacts.ReceiptSecretAsync(m.CaseId, ct) : null;
        var held = false;
        foreach (var channel in reach.Channels.Where(c => c != NotificationChannel.Push))
            held |= await DeliverAsync(new DeliveryRecords.Key(m.CaseId, "reporter", channel), updates, reach, state, m, bus,
                async versions => NotificationTemplates.Reporter(reach.Language, state.TrackingCode,
                    [.. await Task.WhenAll(versions.Select(v => Line(events.First(e => e.Version == v), state, secret, ct)))],
                    CaseUrl(state.TrackingCode, null), await UnsubscribeUrl(m.CaseId, reach.Language, UnsubscribeScope.Case, ct)), ct);
        if (secret is not null && !held) await contacts.ForgetReceiptSecretAsync(m.CaseId, ct);
    }

    public async Task RatingReminderAsync(RemindToRate m, IMessageContext bus, CancellationToken ct)
    {
        var events = await store.ReadStreamAsync(m.CaseId, ct: ct);
        var state = CaseState.Fold(m.CaseId, events.Select(e => e.Event));
        if (state.ReporterRef is not { } reporterRef || state.PersonalDataErased) return;
        // Cancelled by a rating, a reopening or a close after that resolution: nothing to remind of.
        if (events.Any(e => e.Version > m.ResolvedVersion && e.Event is CaseEvent.CaseRated or CaseEvent.CaseReopened or CaseEvent.CaseClosed or CaseEvent.CaseWithdrawn))
            return;
        if (await contacts.ReadAsync(reporterRef, ct) is not { } reach) return;
        // Keyed by version 0, not the resolution's: one reminder per case, ever, even after a reopening and a new resolution.
        var item = new List<(long, string)> { (0, NotificationKinds.RatingReminder) };
        foreach (var channel in reach.Channels)
            await DeliverAsync(new DeliveryRecords.Key(m.CaseId, "reporter-reminder", channel), item, reach, state, m, bus,
                async _ => NotificationTemplates.Reporter(reach.Language, state.TrackingCode,
                    [new UpdateLine(NotificationKinds.RatingReminder, new Dictionary<string, string> { ["code"] = state.TrackingCode, ["link"] = CaseUrl(state.TrackingCode, null) })],
                    CaseUrl(state.TrackingCode, null), await UnsubscribeUrl(m.CaseId, reach.Language, UnsubscribeScope.Case, ct)), ct);
    }

    public async Task AgencyAsync(NotifyAgency m, CancellationToken ct)
    {
        var state = await store.ReadStateAsync(m.CaseId, m.Version, ct);
        var (address, name) = await AgencyAddress(m.Agency, ct);
        var due = state.DueAt is { } d ? d.InZone(Zone).ToString("dd/MM/yyyy HH:mm", null) : "";
        var text = m.Kind == NotificationKinds.AgencyReturned
            ? $"Phản ánh {state.TrackingCode} được Trung tâm trả lại để xử lý lại. Hạn xử lý: {due}."
            : $"Phản ánh {state.TrackingCode} ({state.Category}, {state.Ward}) được giao cho {name}. Hạn xử lý: {due}.";
        await StaffAsync(new DeliveryRecords.Key(m.CaseId, "agency:" + m.Agency, NotificationChannel.Email), m.Version, m.Kind, address,
            NotificationTemplates.Staff(m.Kind, state.TrackingCode, text, ConsoleUrl(state.TrackingCode)), ct);
    }

    public async Task OnDutyAsync(NotifyOnDuty m, CancellationToken ct)
    {
        var state = await store.ReadStateAsync(m.CaseId, m.Version, ct);
        var text = $"Phản ánh khẩn {state.TrackingCode}: {state.Category}, {state.Ward}.\n{state.Description}";
        await StaffAsync(new DeliveryRecords.Key(m.CaseId, "on-duty", NotificationChannel.Email), m.Version, NotificationKinds.Urgent,
            options.OnDutyEmail, NotificationTemplates.Staff(NotificationKinds.Urgent, state.TrackingCode, text, ConsoleUrl(state.TrackingCode)), ct);
    }

    /// <summary>A message to staff (no consent, no unsubscribe: it is their work), recorded like any other.</summary>
    public async Task StaffAsync(DeliveryRecords.Key key, long version, string kind, string? address, RenderedMessage content, CancellationToken ct)
    {
        var item = new List<(long, string)> { (version, kind) };
        if (address is null || channels.For(key.Channel) is not { } channel)
        {
            await deliveries.RecordUnsentAsync(key, item, "no_channel", address is null ? "no address configured" : "no channel configured", null, ct);
            return;
        }
        var messageId = Guid.CreateVersion7();
        if ((await deliveries.ClaimAsync(key, item, messageId, ContactCheck.Mask(address), ct)).Count == 0) return;
        await SendAsync(channel, messageId, new OutgoingMessage(messageId, address, content, null, null), key, null, ct);
    }

    /// <summary>Sends the unsent items on one channel; true when they were held for quiet hours.</summary>
    async Task<bool> DeliverAsync(
        DeliveryRecords.Key key, IReadOnlyList<(long Version, string Kind)> items, ReporterReach reach, CaseState state, object message,
        IMessageContext bus, Func<IReadOnlyList<long>, Task<RenderedMessage>> render, CancellationToken ct)
    {
        var address = reach.Address(key.Channel);
        var masked = address is null ? null : ContactCheck.Mask(address);
        if (address is null && key.Channel != NotificationChannel.Push)
        {
            await deliveries.RecordUnsentAsync(key, items, "skipped", "no address", null, ct);
            return false;
        }
        if (reach.Stopped(key.Channel) is { } why)
        {
            await deliveries.RecordUnsentAsync(key, items, "skipped", why, masked, ct);
            return false;
        }
        if (channels.For(key.Channel) is not { } channel)
        {
            await deliveries.RecordUnsentAsync(key, items, "no_channel", "no channel configured", masked, ct);
            return false;
        }
        if (key.Channel is NotificationChannel.Sms or NotificationChannel.Zalo && QuietUntil(clock.GetCurrentInstant()) is { } morning)
        {
            // Quiet hours: held, and the same message comes back in the morning (and finds these rows to take back).
            await deliveries.RecordUnsentAsync(key, items, "held", $"quiet hours until {morning}", masked, ct);
            await bus.ScheduleAsync(message, morning.ToDateTimeOffset());
            return true;
        }
        var messageId = Guid.CreateVersion7();
        var claimed = await deliveries.ClaimAsync(key, items, messageId, masked, ct);
        if (claimed.Count == 0) return false;
        var content = await render(claimed);
        var all = await UnsubscribeUrl(state.Id, reach.Language, UnsubscribeScope.Everything, ct);
        var unsubscribe = await UnsubscribeUrl(state.Id, reach.Language, UnsubscribeScope.Case, ct);
        await SendAsync(channel, messageId, new OutgoingMessage(messageId, address ?? "", content, unsubscribe, all), key, state.ReporterRef, ct);
        return false;
    }

    /// <summary>Sends and records the outcome; the result, or null when our configuration kept it from going.</summary>
    async Task<SendResult?> SendAsync(INotificationChannel channel, Guid messageId, OutgoingMessage message, DeliveryRecords.Key key, Guid? reporterRef, CancellationToken ct)
    {
        var logger = log.ForContext("CaseId", key.CaseId).ForContext("Recipient", key.Recipient).ForContext("Channel", key.Channel).ForContext("MessageId", messageId);
        SendResult result;
        try
        {
            result = await channel.SendAsync(message, ct);
        }
        catch (NotificationTransientException e)
        {
            await deliveries.FinishAsync(messageId, "failed", null, "transient: " + e.Message, CancellationToken.None);
            logger.Warning(e, "Notification not sent, to be retried: {Reason}", e.Message);
            throw;
        }
        catch (NotificationConfigurationException e)
        {
            await deliveries.FinishAsync(messageId, "failed", null, "configuration: " + e.Message, CancellationToken.None);
            logger.Error(e, "Notification not sent: the {Channel} channel is misconfigured: {Reason}", key.Channel, e.Message);
            return null;
        }
        switch (result)
        {
            case SendResult.Accepted a:
                await deliveries.FinishAsync(messageId, "sent", a.ProviderId, null, ct);
                logger.Information("Notification sent ({ProviderId})", a.ProviderId);
                break;
            case SendResult.Permanent p:
                await deliveries.FinishAsync(messageId, "failed", null, "permanent: " + p.Reason, ct);
                if (reporterRef is { } r) await contacts.SwitchOffAsync(r, [key.Channel], "permanent failure: " + p.Reason, ct);
                logger.Warning("Notification refused for good, channel switched off: {Reason}", p.Reason);
                break;
        }
        return result;
    }

    /// <summary>The next morning's end of quiet hours, when <paramref name="now"/> is within them; else null.</summary>
    public Instant? QuietUntil(Instant now)
    {
        var local = now.InZone(Zone).LocalDateTime;
        var (from, until) = (options.QuietFromHour, options.QuietUntilHour);
        if (local.Hour >= from) return local.Date.PlusDays(1).At(new LocalTime(until, 0)).InZoneLeniently(Zone).ToInstant();
        if (local.Hour < until) return local.Date.At(new LocalTime(until, 0)).InZoneLeniently(Zone).ToInstant();
        return null;
    }

    async Task<UpdateLine> Line(StoredEvent e, CaseState state, string? secret, CancellationToken ct)
    {
        var kind = NotificationKinds.ForReporter(e.Event)!;
        var v = new Dictionary<string, string> { ["code"] = state.TrackingCode, ["link"] = CaseUrl(state.TrackingCode, null) };
        switch (e.Event)
        {
            case CaseEvent.CaseReceived:
                v["link"] = CaseUrl(state.TrackingCode, secret);
                break;
            case CaseEvent.CaseRejected r: v["reason"] = r.Reason; break;
            case CaseEvent.DossierRefused r: v["reason"] = r.Reason; break;
            case CaseEvent.DuplicateLinked d: v["master"] = (await store.ReadStateAsync(d.MasterId, ct: ct)).TrackingCode; break;
            case CaseEvent.CaseAssigned a: v["agency"] = (await AgencyAddress(a.LeadAgency, ct)).Name; break;
            case CaseEvent.InformationRequested q: v["question"] = q.Question; break;
            case CaseEvent.CaseResolved r: v["answer"] = r.PublicAnswer; break;
            case CaseEvent.CaseClosed c: v["reason"] = c.Reason; break;
            case CaseEvent.CaseWithdrawn w: v["reason"] = w.Reason; break;
        }
        return new UpdateLine(kind, v);
    }

    async Task<(string? Email, string Name)> AgencyAddress(string agency, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("select notify_email, name from cases.agencies where id = $1");
        cmd.Parameters.Add(new() { Value = agency });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1)) : (null, agency);
    }

    string CaseUrl(string code, string? secret) =>
        $"{options.PublicBaseUrl}/#/case/{Uri.EscapeDataString(code)}" + (secret is null ? "" : "?secret=" + Uri.EscapeDataString(secret));

    string ConsoleUrl(string code) => $"{options.PublicBaseUrl}/console/#/case/{Uri.EscapeDataString(code)}";

    async Task<string> UnsubscribeUrl(Guid caseId, NotificationLanguage language, UnsubscribeScope scope, CancellationToken ct) =>
        $"{options.PublicBaseUrl}/notifications/unsubscribe?t={await tokens.IssueAsync(caseId, scope, ct)}&lang={NotificationNames.Of(language)}";
}
