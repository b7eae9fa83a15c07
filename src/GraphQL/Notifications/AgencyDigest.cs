using Cases.Notifications;
using Cases.Sla;
using NodaTime;
using Npgsql;

namespace Cases.GraphQL.Notifications;

/// <summary>
/// Each agency's working-day digest (issue 22, as Zürich's FixMyStreet mails each body): what is overdue and what is
/// due within one working day, from the agencies' queues (projections.agency_queues), to the agency's notification
/// address; the overdue cases also to its escalation address when one is set. Sent at <c>Notifications:Digest:At</c>
/// (local time, default 07:30) on the calendar's working days only, so none on a holiday or a weekend that is not a
/// make-up working day. Once per agency and day across nodes and restarts: the delivery record is keyed by the day.
/// </summary>
public sealed class AgencyDigest(NpgsqlDataSource db, SlaRulesSource rules, NotificationSender sender, NotificationOptions options, Serilog.ILogger log)
{
    static readonly DateTimeZone Zone = WorkingCalendar.Zone;

    /// <summary>One working day of working time (07:30-11:30 and 13:30-17:00), as the console's "due soon" mark counts it.</summary>
    static readonly Duration WorkingDay = Duration.FromMinutes(450);

    /// <summary>Whether the calendar has working time on <paramref name="day"/>.</summary>
    public bool IsWorkingDay(LocalDate day)
    {
        var start = day.AtStartOfDayInZone(Zone).ToInstant();
        return rules.Calendar.NextWorkingInstant(start).InZone(Zone).Date == day;
    }

    /// <summary>Sends the digests of <paramref name="day"/> as things stand at <paramref name="now"/>; the number of agencies told.</summary>
    public async Task<int> RunAsync(LocalDate day, Instant now, CancellationToken ct = default)
    {
        if (!IsWorkingDay(day))
        {
            log.Information("No agency digest on {Day}: not a working day in calendar {Calendar}", day, rules.Calendar.CalendarVersion);
            return 0;
        }
        var cases = new List<(string Agency, string Name, string Email, string? Escalation, string Code, Instant Due)>();
        await using (var cmd = db.CreateCommand("""
            select a.id, a.name, a.notify_email, a.escalation_email, q.tracking_code, q.effective_due_at
            from cases.agencies a join projections.agency_queues q on q.agency = a.id and q.open
            where a.notify_email is not null and q.effective_due_at <= $1 + interval '14 days'
            order by a.id, q.effective_due_at
            """))
        {
            cmd.Parameters.Add(new() { Value = now.ToDateTimeUtc() });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                cases.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
                    Instant.FromDateTimeUtc(DateTime.SpecifyKind(r.GetDateTime(5), DateTimeKind.Utc))));
        }
        var told = 0;
        var version = day.Year * 10000L + day.Month * 100 + day.Day;
        foreach (var agency in cases.GroupBy(c => c.Agency))
        {
            var overdue = agency.Where(c => c.Due <= now).ToList();
            var soon = agency.Where(c => c.Due > now && rules.Calendar.WorkingTimeBetween(now, c.Due) <= WorkingDay).ToList();
            if (overdue.Count + soon.Count == 0) continue;
            var first = agency.First();
            string Lines(IEnumerable<(string, string, string, string?, string Code, Instant Due)> list) =>
                string.Join("\n", list.Select(c => $"- {c.Code}: hạn {c.Due.InZone(Zone):dd/MM/yyyy HH:mm}"));
            var text = $"Tổng hợp ngày {day:dd/MM/yyyy} của {first.Name}.\n\nQuá hạn ({overdue.Count}):\n{Lines(overdue)}\n\nĐến hạn trong một ngày làm việc ({soon.Count}):\n{Lines(soon)}";
            var link = $"{options.PublicBaseUrl}/console/#/queue";
            await sender.StaffAsync(new DeliveryRecords.Key(Guid.Empty, "agency:" + agency.Key, NotificationChannel.Email), version, NotificationKinds.Digest,
                first.Email, NotificationTemplates.Staff(NotificationKinds.Digest, $"{first.Name} {day:dd/MM/yyyy}", text, link), ct);
            if (overdue.Count > 0 && first.Escalation is { } escalation)
                await sender.StaffAsync(new DeliveryRecords.Key(Guid.Empty, "escalation:" + agency.Key, NotificationChannel.Email), version, NotificationKinds.Digest,
                    escalation, NotificationTemplates.Staff(NotificationKinds.Digest, $"[Quá hạn] {first.Name} {day:dd/MM/yyyy}",
                        $"{first.Name} có {overdue.Count} phản ánh quá hạn ngày {day:dd/MM/yyyy}:\n{Lines(overdue)}", link), ct);
            told++;
        }
        return told;
    }
}

/// <summary>Runs <see cref="AgencyDigest"/> once a day on each node at <c>Notifications:Digest:At</c>; the delivery records keep it to one message per agency.</summary>
public sealed class AgencyDigestTimer(AgencyDigest digest, IClock clock, IConfiguration config, Serilog.ILogger log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var at = LocalTime.FromMinutesSinceMidnight(7 * 60 + 30);
        if (config["Notifications:Digest:At"] is { Length: > 0 } text && NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text) is { Success: true } parsed)
            at = parsed.Value;
        LocalDate? done = null;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            var local = clock.GetCurrentInstant().InZone(WorkingCalendar.Zone);
            if (local.TimeOfDay >= at && done != local.Date)
            {
                try
                {
                    await digest.RunAsync(local.Date, clock.GetCurrentInstant(), ct);
                    done = local.Date;
                }
                catch (Exception e) when (e is NpgsqlException or NotificationTransientException)
                {
                    log.Warning(e, "Agency digest of {Day} not sent yet; tried again in a minute", local.Date);
                }
            }
        } while (await timer.WaitForNextTickAsync(ct));
    }
}
