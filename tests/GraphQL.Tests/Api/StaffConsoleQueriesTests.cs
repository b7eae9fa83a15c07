using System.Text.Json.Nodes;

namespace Cases.GraphQL.Tests.Api;

/// <summary>What the console reads: the operators' inbox with duplicate suggestions, a case as staff see it, and an agency's queue.</summary>
public sealed class StaffConsoleQueriesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    readonly Lifecycle life = new(api);

    async Task<string> Report(double latitude, double longitude, string category = "sanitation_environment")
    {
        var data = (await api.Client().Send("""
            mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode } }
            """, new
        {
            input = new
            {
                kind = "FIELD_REPORT", category, channel = "APP", description = "Rác thải tồn đọng ở kiệt " + Guid.NewGuid().ToString("N")[..4],
                ward = "Phú Xuân", location = new { latitude, longitude },
                reporter = new { name = Lifecycle.Reporter, phone = Lifecycle.Phone },
            },
        })).Ok()["submitCase"]!;
        return data["trackingCode"]!.GetValue<string>();
    }

    async Task<JsonArray> Inbox(string stage = "TO_VERIFY") =>
        (await api.Client(api.OperatorKey).Send($"{{ inbox(stage: {stage}, first: 200) {{ trackingCode status description overdue verifyDueAt duplicateSuggestions {{ trackingCode distanceMeters }} }} }}"))
        .Ok()["inbox"]!.AsArray();

    [Fact]
    public async Task Operators_opening_cases_at_the_same_time_each_see_the_reporters_contact()
    {
        // A CI run failed one such read with "Received backend message BindComplete while expecting ParseCompleteMessage"
        // and hung another: the contact's reader was disposed a second time after its pooled connection had served
        // another command. Many reads at once share the pool's connections the way a busy console does.
        var codes = new List<string>();
        for (var i = 0; i < 4; i++) codes.Add(await Report(16.46 + i * 0.01, 107.57));
        var operators = Enumerable.Range(0, 48).Select(async i =>
        {
            var code = codes[i % codes.Count];
            var staff = (await api.Client(api.OperatorKey).Send("query($c: String!) { staffCase(trackingCode: $c) { reporter { name phone } } }", new { c = code }))
                .Ok()["staffCase"]!;
            return (code, name: staff["reporter"]!["name"]!.GetValue<string>(), phone: staff["reporter"]!["phone"]!.GetValue<string>());
        }).ToList();
        // Bounded: with the bug, a read could also wait for ever for replies another reader had consumed.
        foreach (var (code, name, phone) in await Task.WhenAll(operators).WaitAsync(TimeSpan.FromSeconds(60)))
        {
            Assert.Equal(Lifecycle.Reporter, name);
            Assert.Equal(Lifecycle.Phone, phone);
        }
        // Each view of a contact is in the staff audit log, once.
        Assert.Equal(48L, await api.Database.ScalarAsync<long>(
            "select count(*) from cases.staff_audit where event = 'contact_viewed' and detail->>'trackingCode' = any($1)", (object)codes.ToArray()));
    }

    [Fact]
    public async Task The_inbox_lists_reports_to_verify_with_open_reports_of_the_same_category_within_100_m_as_duplicates()
    {
        // 0.0005 degrees of latitude is about 56 m; 0.003 is about 330 m.
        var first = await Report(16.47000, 107.58000);
        var near = await Report(16.47050, 107.58000);
        var far = await Report(16.47300, 107.58000);
        var otherCategory = await Report(16.47010, 107.58000, "traffic_infrastructure");
        // East and west: 0.0009 degrees of longitude here is about 96 m, 0.0011 about 117 m.
        var east = await Report(16.47000, 107.58090);
        var west = await Report(16.47000, 107.57890);
        await api.Projected();

        var inbox = await Inbox();
        JsonNode Item(string code) => inbox.Single(i => i!["trackingCode"]!.GetValue<string>() == code)!;
        var suggestions = Item(near)["duplicateSuggestions"]!.AsArray();
        var suggested = Assert.Single(suggestions)!;
        Assert.Equal(first, suggested["trackingCode"]!.GetValue<string>());
        Assert.InRange(suggested["distanceMeters"]!.GetValue<int>(), 50, 62);
        Assert.DoesNotContain(Item(far)["duplicateSuggestions"]!.AsArray(), s => s!["trackingCode"]!.GetValue<string>() == first);
        Assert.Empty(Item(otherCategory)["duplicateSuggestions"]!.AsArray());
        var eastOfFirst = Assert.Single(Item(east)["duplicateSuggestions"]!.AsArray(), s => s!["trackingCode"]!.GetValue<string>() == first)!;
        Assert.InRange(eastOfFirst["distanceMeters"]!.GetValue<int>(), 90, 100);
        Assert.DoesNotContain(Item(west)["duplicateSuggestions"]!.AsArray(), s => s!["trackingCode"]!.GetValue<string>() == first);
        Assert.StartsWith("Rác thải", Item(first)["description"]!.GetValue<string>(), StringComparison.Ordinal);

        // One click from linkDuplicate; then it leaves the inbox.
        (await life.Act(api.OperatorKey, "linkDuplicate", near, new { masterTrackingCode = first })).Ok();
        await api.Projected();
        Assert.DoesNotContain(await Inbox(), i => i!["trackingCode"]!.GetValue<string>() == near);
        Assert.Equal("FORBIDDEN", (await api.Client(api.AgencyAKey).Send("{ inbox { trackingCode } }")).Code);
        Assert.Equal("FORBIDDEN", (await api.Client().Send("{ inbox { trackingCode } }")).Code);
    }

    [Fact]
    public async Task Reports_to_verify_come_soonest_due_first_and_one_answered_after_days_moves_behind_a_later_report()
    {
        var (first, secret) = await life.Submit();
        api.Clock.Advance(NodaTime.Duration.FromMinutes(30));
        var (second, _) = await life.Submit();
        await api.Projected();
        bool Ours(JsonNode? i) => i!["trackingCode"]!.GetValue<string>() is var c && (c == first || c == second);
        List<string> Order(JsonArray inbox) => inbox.Where(Ours).Select(i => i!["trackingCode"]!.GetValue<string>()).ToList();
        Assert.Equal([first, second], Order(await Inbox()));

        // The operator asks the first citizen for more before verifying; the answer comes three days later, so the
        // first report's verification is due after the second's and the inbox lists it behind.
        await life.Ok(api.OperatorKey, "requestInformation", first, new { question = "Xin chụp thêm ảnh toàn cảnh?" });
        api.Clock.Advance(NodaTime.Duration.FromDays(3));
        await life.Ok(null, "provideInformation", first, new { text = "Đã gửi ảnh", secret });
        await api.Projected();
        var inbox = await Inbox();
        Assert.Equal([second, first], Order(inbox));
        var due = inbox.Where(Ours).Select(i => DateTimeOffset.Parse(i!["verifyDueAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(due[0] < due[1], $"verification due {due[0]} then {due[1]}");
    }

    [Fact]
    public async Task The_inbox_shows_verified_cases_without_an_agency_to_assign_and_resolved_ones_to_review()
    {
        var (toAssign, _) = await life.Submit();
        await life.Ok(api.OperatorKey, "verifyCase", toAssign);
        var resolved = await life.InProgress();
        await life.Ok(api.AgencyAKey, "resolveCase", resolved, new { publicAnswer = "Đã thu gom" });
        await api.Projected();

        Assert.Contains(await Inbox("TO_ASSIGN"), i => i!["trackingCode"]!.GetValue<string>() == toAssign);
        Assert.DoesNotContain(await Inbox("TO_ASSIGN"), i => i!["trackingCode"]!.GetValue<string>() == resolved);
        Assert.Contains(await Inbox("TO_REVIEW"), i => i!["trackingCode"]!.GetValue<string>() == resolved);
    }

    const string StaffCaseQuery = """
        query($c: String!) { staffCase(trackingCode: $c) {
          case { trackingCode status leadAgency } description location { latitude longitude } actions
          clocks { name dueAt running overdue } timeline { version type actorRole command workingTimeSincePrevious }
          reporter { name phone } } }
        """;

    [Fact]
    public async Task A_case_for_staff_shows_its_timeline_clocks_and_allowed_actions_and_the_contact_only_to_those_who_may_see_it()
    {
        var code = await life.InProgress();

        var lead = (await (await api.SignedIn("hepco.le")).Send(StaffCaseQuery, new { c = code })).Ok()["staffCase"]!;
        Assert.Equal("IN_PROGRESS", lead["case"]!["status"]!.GetValue<string>());
        Assert.Equal(Lifecycle.Reporter, lead["reporter"]!["name"]!.GetValue<string>());
        Assert.Equal(16.4759, lead["location"]!["latitude"]!.GetValue<double>(), 4);
        var actions = lead["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        Assert.Contains("resolveCase", actions);
        Assert.Contains("requestInformation", actions);
        Assert.DoesNotContain("closeCase", actions); // the center's, not the agency's
        Assert.DoesNotContain("recordDeadline", actions);
        var timeline = lead["timeline"]!.AsArray();
        Assert.Equal(["case_received", "case_verified", "public_summary_set", "case_assigned", "assignment_accepted"], timeline.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal("OPERATOR", timeline[1]!["actorRole"]!.GetValue<string>());
        Assert.Null(timeline[0]!["workingTimeSincePrevious"]);
        Assert.StartsWith("P", timeline[1]!["workingTimeSincePrevious"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(lead["clocks"]!.AsArray(), c => c!["name"]!.GetValue<string>() == "resolve" && c["running"]!.GetValue<bool>());
        Assert.Equal(1L, await api.Database.ScalarAsync<long>(
            "select count(*) from cases.staff_audit where login = 'hepco.le' and event = 'contact_viewed' and detail->>'trackingCode' = $1", code));
        Assert.Contains(api.Logs.Lines, l => l.Contains("Reporter contact viewed", StringComparison.Ordinal) && l.Contains(code, StringComparison.Ordinal));

        var auditor = (await api.Client(api.AuditorKey).Send(StaffCaseQuery, new { c = code })).Ok()["staffCase"]!;
        Assert.Null(auditor["reporter"]);
        Assert.Empty(auditor["actions"]!.AsArray());
        var operatorView = (await api.Client(api.OperatorKey).Send(StaffCaseQuery, new { c = code })).Ok()["staffCase"]!;
        Assert.Contains("closeCase", operatorView["actions"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(Lifecycle.Phone, operatorView["reporter"]!["phone"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_agency_cannot_open_the_case_and_an_unknown_code_is_not_found()
    {
        var code = await life.InProgress();
        var other = await (await api.SignedIn("sxd.tran")).Send(StaffCaseQuery, new { c = code });
        Assert.Equal("FORBIDDEN", other.Code);
        Assert.Null(other.Data);
        Assert.Equal("CASE_NOT_FOUND", (await api.Client(api.OperatorKey).Send(StaffCaseQuery, new { c = "HUE-2026-999999" })).Code);
        Assert.Equal("FORBIDDEN", (await api.Client().Send(StaffCaseQuery, new { c = code })).Code);
    }

    [Fact]
    public async Task The_agency_queue_marks_and_counts_overdue_due_soon_and_on_track_cases_and_filters_by_status()
    {
        var onTrack = await life.InProgress();
        var (assigned, _) = await life.Submit();
        await life.Ok(api.OperatorKey, "verifyCase", assigned);
        await life.Ok(api.OperatorKey, "assignCase", assigned, new { leadAgency = "hepco" });
        await api.Projected();

        var hepco = await api.SignedIn("hepco.le");
        const string Query = "query($s: String) { myQueue(status: $s) { trackingCode status urgency } myQueueCounts { overdue dueSoon onTrack } }";
        var data = (await hepco.Send(Query, new { s = (string?)null })).Ok();
        var queue = data["myQueue"]!.AsArray();
        Assert.Contains(queue, q => q!["trackingCode"]!.GetValue<string>() == onTrack && q["urgency"]!.GetValue<string>() == "ON_TRACK");
        var counts = data["myQueueCounts"]!;
        Assert.Equal(queue.Count, counts["overdue"]!.GetValue<int>() + counts["dueSoon"]!.GetValue<int>() + counts["onTrack"]!.GetValue<int>());

        var onlyAssigned = (await hepco.Send(Query, new { s = "assigned" })).Ok()["myQueue"]!.AsArray();
        Assert.All(onlyAssigned, q => Assert.Equal("assigned", q!["status"]!.GetValue<string>()));
        Assert.Contains(onlyAssigned, q => q!["trackingCode"]!.GetValue<string>() == assigned);

        // 40 working hours later the resolution clock has run out.
        api.Clock.Advance(NodaTime.Duration.FromDays(14));
        var later = (await (await api.SignedIn("hepco.le")).Send(Query, new { s = "in_progress" })).Ok();
        Assert.Contains(later["myQueue"]!.AsArray(), q => q!["trackingCode"]!.GetValue<string>() == onTrack && q["urgency"]!.GetValue<string>() == "OVERDUE");
        Assert.True(later["myQueueCounts"]!["overdue"]!.GetValue<int>() >= 2);
    }

    [Fact]
    public async Task A_reopened_report_goes_back_to_the_agency_that_resolved_it_with_its_badge_and_reason_and_a_new_clock()
    {
        var (code, secret) = await life.Submit();
        await life.Ok(api.OperatorKey, "verifyCase", code);
        await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco" });
        await life.Ok(api.AgencyAKey, "acceptAssignment", code);
        await life.Ok(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Đã thu gom" });
        api.Clock.Advance(NodaTime.Duration.FromDays(3));
        var reopened = await life.Ok(null, "reopenCase", code, new { reason = "Rác vẫn còn nguyên", secret });
        Assert.Equal("ASSIGNED", reopened["status"]!.GetValue<string>());
        Assert.Equal("hepco", reopened["leadAgency"]!.GetValue<string>());
        Assert.True(NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(reopened["dueAt"]!.GetValue<string>()).Value.ToInstant() > api.Clock.GetCurrentInstant());
        await api.Projected();

        var hepco = await api.SignedIn("hepco.le");
        var queue = (await hepco.Send("query($q: String) { myQueue(search: $q) { trackingCode status flag flagReason } myQueueCount(search: $q) }", new { q = code })).Ok();
        var item = Assert.Single(queue["myQueue"]!.AsArray())!;
        Assert.Equal(("assigned", "reopened", "Rác vẫn còn nguyên"),
            (item["status"]!.GetValue<string>(), item["flag"]!.GetValue<string>(), item["flagReason"]!.GetValue<string>()));
        Assert.Equal(1, queue["myQueueCount"]!.GetValue<int>());
        // Not the center's to route again: the report is not waiting to be assigned.
        Assert.DoesNotContain(await Inbox("TO_ASSIGN"), i => i!["trackingCode"]!.GetValue<string>() == code);
        // The operator can still send it elsewhere.
        await life.Ok(api.OperatorKey, "transferCase", code, new { toAgency = "so-xay-dung", reason = "Đúng thẩm quyền" });
    }

    [Fact]
    public async Task The_work_lists_answer_again_from_what_the_read_models_hold_once_an_action_is_projected()
    {
        // The consoles' lists are cached until a read model moves (ReadModelCache): the same page asked twice, an
        // action, and the page asked again must show the action, and its counts with it.
        var op = api.Client(api.OperatorKey);
        const string Lists = "{ inbox(stage: TO_ASSIGN, first: 200) { trackingCode } inboxCounts { toVerify toAssign } }";
        var (code, _) = await life.Submit();
        await api.Projected();
        var before = (await op.Send(Lists)).Ok();
        Assert.Equal(before.ToJsonString(), (await op.Send(Lists)).Ok().ToJsonString());
        Assert.DoesNotContain(before["inbox"]!.AsArray(), i => i!["trackingCode"]!.GetValue<string>() == code);

        (await life.Act(api.OperatorKey, "verifyCase", code, new { note = "ok" })).Ok();
        await api.Projected();
        var after = (await op.Send(Lists)).Ok();
        Assert.Contains(after["inbox"]!.AsArray(), i => i!["trackingCode"]!.GetValue<string>() == code);
        Assert.Equal(before["inboxCounts"]!["toVerify"]!.GetValue<int>() - 1, after["inboxCounts"]!["toVerify"]!.GetValue<int>());
        Assert.Equal(before["inboxCounts"]!["toAssign"]!.GetValue<int>() + 1, after["inboxCounts"]!["toAssign"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_inbox_stage_pages_by_keyset_with_counts_search_and_filters()
    {
        var codes = new List<string>();
        for (var n = 0; n < 5; n++) codes.Add((await life.Submit()).Code);
        await api.Projected();
        var op = api.Client(api.OperatorKey);
        const string Page = "query($a: String, $q: String, $w: String) { inbox(stage: TO_VERIFY, first: 2, after: $a, search: $q, ward: $w) { trackingCode cursor ward } inboxCounts(search: $q, ward: $w) { toVerify } }";

        var seen = new List<string>();
        string? after = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 50, $"paging did not end: the cursor does not advance past {after}");
            var page = (await op.Send(Page, new { a = after, q = (string?)null, w = "Phú Xuân" })).Ok();
            var items = page["inbox"]!.AsArray();
            if (items.Count == 0) { Assert.Equal(seen.Count, page["inboxCounts"]!["toVerify"]!.GetValue<int>()); break; }
            Assert.InRange(items.Count, 1, 2);
            Assert.All(items, i => Assert.Equal("Phú Xuân", i!["ward"]!.GetValue<string>()));
            seen.AddRange(items.Select(i => i!["trackingCode"]!.GetValue<string>()));
            after = items[^1]!["cursor"]!.GetValue<string>();
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(codes, c => Assert.Contains(c, seen));

        var byCode = (await op.Send(Page, new { a = (string?)null, q = codes[2], w = (string?)null })).Ok();
        Assert.Equal(codes[2], Assert.Single(byCode["inbox"]!.AsArray())!["trackingCode"]!.GetValue<string>());
        Assert.Equal(1, byCode["inboxCounts"]!["toVerify"]!.GetValue<int>());
        var byText = (await op.Send(Page, new { a = (string?)null, q = "kiệt 12 nguyễn trãi", w = (string?)null })).Ok();
        Assert.True(byText["inbox"]!.AsArray().Count >= 1);

        var bad = await op.Send(Page, new { a = "not-a-cursor", q = (string?)null, w = (string?)null });
        Assert.Equal(("VALIDATION_FAILED", "after"), (bad.Code, bad.Errors[0]!["extensions"]!["field"]!.GetValue<string>()));
    }
}
