using System.Text.RegularExpressions;
using Cases.Domain;
using Cases.GraphQL.Tests.Api;
using Cases.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.GraphQL.Tests.Notifications;

/// <summary>
/// Reporters and agencies told by e-mail (issue 22), end to end: GraphQL commands, the outbox, the durable queue,
/// MailKit, and a real SMTP server (smtp4dev) read back through its API.
/// </summary>
public sealed class EmailNotificationTests(NotificationsFixture api) : IClassFixture<NotificationsFixture>
{
    readonly Lifecycle life = new(api);

    async Task<(string Code, string Secret)> Submit(string email, string[] notify, string language = "VI", string category = "sanitation_environment")
    {
        var response = await api.Client().Send("""
            mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode secret } }
            """, new
        {
            input = new
            {
                kind = "FIELD_REPORT", category, description = "Cống thoát nước bị tắc trước chợ", ward = "Thuận Hóa", location = new { latitude = 16.4660, longitude = 107.5960 },
                reporter = new { name = "Lê Thị Mai", email, phone = "0905 123 456" }, notify, language,
            },
        });
        var data = response.Ok()["submitCase"]!;
        return (data["trackingCode"]!.GetValue<string>(), data["secret"]!.GetValue<string>());
    }

    static string Address(string name) => $"{name}.{Guid.NewGuid():N}"[..24] + "@example.vn";

    Task<long> Deliveries(string code, string where) => api.Database.ScalarAsync<long>($"""
        select count(*) from cases.notification_deliveries d join cases.mt_doc_caseidentity i on i.id = d.case_id
        where i.data ->> 'trackingCode' = $1 and {where}
        """, code);

    /// <summary>Fires the "is it fixed?" reminder now: the durable scheduled message is moved to the present, and Wolverine's scheduler runs it.</summary>
    async Task FireReminder(string code)
    {
        var id = await CaseId(code);
        var moved = 0L;
        for (var attempt = 0; attempt < 100 && moved == 0; attempt++)
        {
            moved = await api.Database.ScalarAsync<long>("""
                with m as (update wolverine.wolverine_incoming_envelopes set execution_time = now()
                           where status = 'Scheduled' and message_type like '%RemindToRate%' and position(convert_to($1, 'UTF8') in body) > 0 returning 1)
                select count(*) from m
                """, id.ToString());
            if (moved == 0) await Task.Delay(100);
        }
        Assert.Equal(1, moved);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await api.Database.ScalarAsync<long>("""
            select count(*) from wolverine.wolverine_incoming_envelopes where status in ('Incoming', 'Scheduled') and message_type like '%RemindToRate%' and position(convert_to($1, 'UTF8') in body) > 0
            """, id.ToString()) > 0)
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("The reminder was not handled within 60 s.");
            await Task.Delay(100);
        }
    }

    Task<Guid> CaseId(string code) => api.Database.ScalarAsync<Guid>("select id from cases.mt_doc_caseidentity where data ->> 'trackingCode' = $1", code);

    /// <summary>Waits until every delivery of the case has left 'sending' and its messages have left Wolverine's queue.</summary>
    async Task Settled(string code)
    {
        var id = (await CaseId(code)).ToString();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await api.Database.ScalarAsync<long>("""
                   select count(*) from wolverine.wolverine_incoming_envelopes
                   where (status = 'Incoming' or status = 'Scheduled' and execution_time < now() + interval '1 minute')
                     and position(convert_to($1, 'UTF8') in body) > 0
                   """, id) > 0
               || await Deliveries(code, "status = 'sending'") > 0)
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("Notifications did not settle within 60 s.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_reporter_who_agreed_is_told_of_the_whole_life_in_their_language_with_updates_in_a_window_coalesced()
    {
        var email = Address("mai");
        var (code, secret) = await Submit(email, ["EMAIL"], "EN");

        var receipt = Assert.Single(await api.Smtp.WaitForAsync(email));
        Assert.Equal($"Report {code} received", receipt.Subject);
        var mime = await api.Smtp.MimeAsync(receipt.Id);
        var text = await api.Smtp.TextAsync(receipt.Id);
        Assert.Contains($"#/case/{code}?secret={Uri.EscapeDataString(secret)}", text);
        Assert.Matches(@"^<http://cases\.test/notifications/unsubscribe\?t=[^>]+>$", mime.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", mime.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("<a href=", mime.HtmlBody);
        Assert.Contains(code, mime.TextBody);

        // Verified and assigned back to back: one message carries both.
        await life.Ok(api.OperatorKey, "verifyCase", code);
        await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco" });
        var two = await api.Smtp.WaitForAsync(email, 2);
        Assert.Equal($"{code}: 2 updates", two[1].Subject);
        var body = await api.Smtp.TextAsync(two[1].Id);
        Assert.Contains("was verified", body);
        Assert.Contains("was assigned to Công ty CP Môi trường và Công trình đô thị Huế (HEPCO)", body);
        // The agency hears of the assignment at once, in Vietnamese.
        Assert.Contains((await api.Smtp.WaitForAsync(NotificationsFixture.HepcoEmail)), m => m.Subject == $"[Giao xử lý] {code}");

        await life.Ok(api.AgencyAKey, "acceptAssignment", code);
        await life.Ok(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Đã nạo vét cống", evidenceRefs = Array.Empty<string>() });
        var resolved = (await api.Smtp.WaitForAsync(email, 3))[2];
        Assert.Equal($"Report {code} resolved", resolved.Subject);
        Assert.Contains("Please rate the result", await api.Smtp.TextAsync(resolved.Id));

        // Not rated: "is it fixed?" once, however often its message is delivered.
        await FireReminder(code);
        var reminder = (await api.Smtp.WaitForAsync(email, 4))[3];
        Assert.Equal($"Report {code}: is it fixed?", reminder.Subject);
        var id = await CaseId(code);
        var resolvedVersion = await api.Database.ScalarAsync<long>("select version from cases.mt_events where stream_id = $1 and type = 'case_resolved'", id);
        await api.App.Services.GetRequiredService<Wolverine.IMessageBus>().InvokeAsync(new Cases.Notifications.RemindToRate(id, resolvedVersion));
        await Settled(code);
        Assert.Equal(4, (await api.Smtp.WaitForAsync(email, 4)).Count);
        Assert.Equal(0, await Deliveries(code, "status not in ('sent', 'delivered')"));
    }

    [Fact]
    public async Task Is_it_fixed_is_not_sent_when_the_case_was_rated_first()
    {
        var email = Address("rated");
        var (code, secret) = await Submit(email, ["EMAIL"]);
        await life.Ok(api.OperatorKey, "verifyCase", code);
        await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco" });
        await life.Ok(api.AgencyAKey, "acceptAssignment", code);
        await life.Ok(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Đã xử lý", evidenceRefs = Array.Empty<string>() });
        await life.Ok(null, "rateCase", code, new { score = 4, secret });
        await FireReminder(code);
        await Settled(code);
        Assert.Equal(0, await Deliveries(code, "recipient = 'reporter-reminder'"));
        Assert.DoesNotContain(await api.Smtp.MessagesAsync(), m => m.To.Contains(email) && m.Subject.Contains("khắc phục chưa"));
    }

    [Fact]
    public async Task The_unsubscribe_link_asks_then_stops_the_cases_messages_and_a_tampered_link_is_refused()
    {
        var email = Address("unsub");
        var (code, _) = await Submit(email, ["EMAIL"]);
        var receipt = Assert.Single(await api.Smtp.WaitForAsync(email));
        var link = Regex.Match((await api.Smtp.MimeAsync(receipt.Id)).Headers["List-Unsubscribe"] ?? "", @"^<http://cases\.test(?<path>[^>]+)>$").Groups["path"].Value;
        Assert.StartsWith("/notifications/unsubscribe?t=", link);
        var http = api.App.CreateClient();

        var page = await http.GetAsync(link);
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Contains($"Ngừng nhận thông báo về phản ánh {code}?", await page.Content.ReadAsStringAsync());
        Assert.Equal(0, await Deliveries(code, "status = 'skipped'")); // a GET (a mail scanner) changes nothing

        // RFC 8058's one-click POST, as a mail client sends it.
        var oneClick = await http.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(200, (int)oneClick.StatusCode);
        Assert.Contains($"Bạn sẽ không nhận thêm thông báo nào về phản ánh {code}.", await oneClick.Content.ReadAsStringAsync());
        // Used again: the same confirmation, nothing more.
        Assert.Equal(200, (int)(await http.PostAsync(link, null)).StatusCode);

        await life.Ok(api.OperatorKey, "verifyCase", code);
        await Settled(code);
        Assert.Equal(1, await Deliveries(code, "status = 'skipped' and detail = 'unsubscribed'"));
        Assert.Single(await api.Smtp.WaitForAsync(email));

        var tampered = link.Replace("t=", "t=A");
        Assert.Equal(400, (int)(await http.PostAsync(tampered, null)).StatusCode);
        Assert.Equal(400, (int)(await http.GetAsync(link[..^8] + "AAAAAAAA")).StatusCode);
    }

    [Fact]
    public async Task A_refused_recipient_switches_email_off_for_that_reporter_without_retrying()
    {
        var email = "refused." + Address("x");
        var (code, _) = await Submit(email, ["EMAIL"]);
        await Settled(code);
        Assert.Equal(1, await Deliveries(code, "status = 'failed' and detail like 'permanent: 5%'"));
        Assert.Equal(1, await api.Database.ScalarAsync<long>("select count(*) from cases.reporter_consents where off ? 'email' and off ->> 'email' like 'permanent failure%'"));
        await life.Ok(api.OperatorKey, "verifyCase", code);
        await Settled(code);
        Assert.Equal(1, await Deliveries(code, "status = 'skipped' and detail like 'permanent failure%'"));
        Assert.Equal(1, await Deliveries(code, "attempts = 1 and status = 'failed'"));

        // Staff see what was sent to whom, masked, and why it stopped.
        var rows = (await api.Client(api.OperatorKey).Send($$"""
            { staffCase(trackingCode: "{{code}}") { notifications { recipient channel kind status address detail } } }
            """)).Ok()["staffCase"]!["notifications"]!.AsArray();
        var receipt = rows.Single(r => r!["kind"]!.GetValue<string>() == "received")!;
        Assert.Equal(("reporter", "email", "failed"), (receipt["recipient"]!.GetValue<string>(), receipt["channel"]!.GetValue<string>(), receipt["status"]!.GetValue<string>()));
        Assert.StartsWith("r***", receipt["address"]!.GetValue<string>());
        Assert.DoesNotContain(email, rows.ToJsonString());
        Assert.StartsWith("permanent: 5", receipt["detail"]!.GetValue<string>());
    }


    [Fact]
    public async Task An_erased_reporter_gets_nothing_more_and_no_contact_remains_in_wolverines_tables()
    {
        var email = Address("erase");
        var (code, _) = await Submit(email, ["EMAIL"]);
        await api.Smtp.WaitForAsync(email);
        await life.Ok(api.OperatorKey, "verifyCase", code); // its message waits out the 2 s window
        var outcome = await api.App.Services.GetRequiredService<CaseCommands>().HandleAsync(await CaseId(code), new CaseCommand.ErasePersonalData(),
            new CommandEnvelope(new Actor("admin", Role.Admin), "test-erase"));
        Assert.IsType<CommandOutcome.Done>(outcome);
        await Settled(code); // the verification's message, scheduled past the window, has been handled too
        Assert.Single(await api.Smtp.MessagesAsync(), m => m.To.Contains(email));
        Assert.Equal(0, await api.Database.ScalarAsync<long>("select count(*) from cases.reporters where email = $1", email));
        Assert.Equal(0, await Deliveries(code, "address_masked is not null"));
        foreach (var table in new[] { "wolverine_incoming_envelopes", "wolverine_outgoing_envelopes", "wolverine_dead_letters" })
            Assert.Equal(0, await api.Database.ScalarAsync<long>(
                $"select count(*) from wolverine.{table} where position(convert_to($1, 'UTF8') in body) > 0 or position(convert_to($2, 'UTF8') in body) > 0",
                email, "0905 123 456"));
    }

    [Fact]
    public async Task A_bad_email_or_phone_is_a_typed_error_on_its_field_and_nothing_is_stored()
    {
        var before = await api.Database.ScalarAsync<long>("select count(*) from cases.reporters");
        foreach (var (reporter, notify, field) in new (object, string[], string)[]
                 {
                     (new { email = "không phải thư" }, ["EMAIL"], "reporter.email"),
                     (new { email = "a@b" }, [], "reporter.email"),
                     (new { phone = "12345" }, ["SMS"], "reporter.phone"),
                     (new { name = "Mai" }, ["EMAIL"], "notify"),
                 })
        {
            var response = await api.Client().Send("mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode } }", new
            {
                input = new { kind = "FIELD_REPORT", category = "sanitation_environment", description = "x", ward = "Thuận Hóa", location = new { latitude = 16.4660, longitude = 107.5960 }, reporter, notify },
            });
            Assert.Equal("VALIDATION_FAILED", response.Code);
            Assert.Equal(field, response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        }
        Assert.Equal(before, await api.Database.ScalarAsync<long>("select count(*) from cases.reporters"));
    }

    [Fact]
    public async Task A_report_in_an_urgent_category_reaches_the_on_duty_address_at_once()
    {
        var (code, _) = await Submit(Address("urgent"), [], category: "public_order");
        var mail = await api.Smtp.WaitForAsync(NotificationsFixture.OnDuty);
        Assert.Contains(mail, m => m.Subject == $"[KHẨN] Phản ánh {code}");
    }

    [Fact]
    public async Task Agencies_get_a_digest_on_a_working_day_and_none_on_a_holiday_of_the_calendar()
    {
        var code = await life.InProgress(); // assigned to hepco
        await api.Projected();
        var digest = api.App.Services.GetRequiredService<Cases.GraphQL.Notifications.AgencyDigest>();
        static NodaTime.Instant At(int y, int m, int d) => new NodaTime.LocalDateTime(y, m, d, 8, 0).InZoneStrictly(Cases.Sla.WorkingCalendar.Zone).ToInstant();

        // New Year's Day 2027 is a holiday in the calendar: no digest, even with the case overdue.
        Assert.Equal(0, await digest.RunAsync(new NodaTime.LocalDate(2027, 1, 1), At(2027, 1, 1)));
        // Monday 4 January 2027 is a working day: the case is overdue by then.
        Assert.Equal(1, await digest.RunAsync(new NodaTime.LocalDate(2027, 1, 4), At(2027, 1, 4)));
        var mail = (await api.Smtp.WaitForAsync(NotificationsFixture.HepcoEmail)).Where(m => m.Subject.StartsWith("Tổng hợp hằng ngày")).ToList();
        var only = Assert.Single(mail);
        Assert.Contains("04/01/2027", only.Subject);
        Assert.Contains(code, await api.Smtp.TextAsync(only.Id));
        Assert.Contains((await api.Smtp.WaitForAsync(NotificationsFixture.HepcoEscalation)), m => m.Subject.Contains("[Quá hạn]"));
        Assert.DoesNotContain(await api.Smtp.MessagesAsync(), m => m.Subject.Contains("01/01/2027"));

        // Run again (another node, a restart): nothing twice.
        await digest.RunAsync(new NodaTime.LocalDate(2027, 1, 4), At(2027, 1, 4));
        Assert.Single(await api.Smtp.MessagesAsync(), m => m.To.Contains(NotificationsFixture.HepcoEmail) && m.Subject.StartsWith("Tổng hợp hằng ngày"));
    }
}
