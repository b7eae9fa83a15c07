using Cases.Domain;
using Cases.Sla;
using Marten;
using NodaTime;
using Wolverine;

namespace Cases.Notifications;

/// <summary>
/// Plans notifications from the events a command appended, on the handler's own session and message context, so
/// they commit in the command's transaction through Wolverine's outbox (DESIGN 13): never a second write after
/// commit. Sending is <see cref="NotificationHandlers"/>'s, later, from the durable queue.
/// </summary>
public static class NotificationPlanner
{
    /// <summary>Stores the consent given at submission beside the contact (the reporter's row is queued just before).</summary>
    public static void StoreConsent(IDocumentSession session, Guid reporterRef, NotificationConsent consent, Instant now) =>
        session.QueueSqlCommand("""
            insert into cases.reporter_consents (reporter_ref, channels, language, consented_at, text_version)
            values (?, ?::text[], ?, ?, ?)
            """, reporterRef, consent.Channels.Distinct().Select(NotificationNames.Of).ToArray(), NotificationNames.Of(consent.Language),
            now.ToDateTimeOffset(), NotificationConsent.TextVersion);

    public static async Task PlanAsync(
        IDocumentSession session, IMessageContext bus, CaseState before, CaseState after, IReadOnlyList<CaseEvent> events,
        ISlaRules sla, NotificationOptions options)
    {
        if (!options.Enabled) return;
        long? lastReporterUpdate = null;
        var receiptNow = false;
        for (var i = 0; i < events.Count; i++)
        {
            var (e, version) = (events[i], before.Version + i + 1);
            // The reporter's contact, or a browser following the case (Web Push, which needs no contact): the sender
            // looks at both. Only the receipt needs a contact: no browser can follow a case before it exists.
            if (NotificationKinds.ForReporter(e) is { } kind && !after.PersonalDataErased && (after.ReporterRef is not null || kind != NotificationKinds.Received))
            {
                lastReporterUpdate = version;
                receiptNow |= kind == NotificationKinds.Received;
            }
            switch (e)
            {
                case CaseEvent.CaseReceived r when options.UrgentCategories.Contains(r.Category):
                    await bus.PublishAsync(new NotifyOnDuty(after.Id, version));
                    break;
                case CaseEvent.CaseClassified c when c.Priority == Priority.Urgent && before.Priority != Priority.Urgent:
                    await bus.PublishAsync(new NotifyOnDuty(after.Id, version));
                    break;
                case CaseEvent.CaseAssigned a:
                    await bus.PublishAsync(new NotifyAgency(after.Id, version, a.LeadAgency, NotificationKinds.AgencyAssigned));
                    break;
                case CaseEvent.CaseTransferred t:
                    await bus.PublishAsync(new NotifyAgency(after.Id, version, t.ToAgency, NotificationKinds.AgencyAssigned));
                    break;
                case CaseEvent.ResolutionReturned when after.LeadAgency is { } lead:
                    await bus.PublishAsync(new NotifyAgency(after.Id, version, lead, NotificationKinds.AgencyReturned));
                    break;
                case CaseEvent.CaseResolved when after.ReporterRef is not null && after.Kind == CaseKind.FieldReport:
                    // Cancelled by the handler's look at the state when it fires: rated or reopened by then, nothing is sent.
                    var remindAt = CalendarOf(sla).AddWorkingDays(e.At, options.RatingReminderWorkingDays);
                    await bus.ScheduleAsync(new RemindToRate(after.Id, version), remindAt.ToDateTimeOffset());
                    break;
                case CaseEvent.PersonalDataErased when before.ReporterRef is null:
                    session.QueueSqlCommand("delete from cases.push_subscriptions where case_id = ?", after.Id);
                    break;
                case CaseEvent.PersonalDataErased when before.ReporterRef is { } reporterRef:
                    session.QueueSqlCommand("delete from cases.push_subscriptions where case_id = ?", after.Id);
                    // Erasure ends all of it: the contact (and, by cascade, the consent) goes, and the delivery records
                    // keep no masked address. Messages already queued find no contact and send nothing.
                    session.QueueSqlCommand("delete from cases.reporters where ref = ?", reporterRef);
                    session.QueueSqlCommand("delete from cases.receipt_links where case_id = ?", after.Id);
                    session.QueueSqlCommand("update cases.notification_deliveries set address_masked = null where case_id = ? and recipient = 'reporter'", after.Id);
                    break;
            }
        }
        // One message for the latest update: an earlier one still waiting finds a later update and leaves it to this.
        if (lastReporterUpdate is { } last)
        {
            var message = new NotifyReporter(after.Id, last);
            if (receiptNow || options.CoalesceWindow <= TimeSpan.Zero) await bus.PublishAsync(message);
            else await bus.ScheduleAsync(message, options.CoalesceWindow);
        }
    }

    static readonly Lazy<WorkingCalendar> Shipped = new(() => WorkingCalendar.LoadEmbedded(UncoveredYears.AssumeNoHolidays));

    /// <summary>The calendar of the rules the command decided with; the shipped one under a test's fixed policy.</summary>
    public static WorkingCalendar CalendarOf(ISlaRules sla) => sla is SlaRules real ? real.Calendar : Shipped.Value;
}
