using NodaTime;

namespace Cases.GraphQL.Tests.Api;

/// <summary>What the public, statisticians and agencies read: projections, after the write side has acted.</summary>
public class PublicReadTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    readonly Lifecycle life = new(api);
    readonly List<string> publicResponses = [];

    string Month(Instant i) => i.InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date.ToYearMonth().ToString("yyyy-MM", null);

    async Task<NodeOk> Public(string query, object? variables = null)
    {
        var response = await api.Client().Send(query, variables);
        publicResponses.Add(response.Text);
        return new NodeOk(response.Ok());
    }

    sealed record NodeOk(System.Text.Json.Nodes.JsonNode Data);

    void NoPersonalDataWasShown()
    {
        foreach (var text in publicResponses)
            foreach (var personal in new[] { Lifecycle.Reporter, Lifecycle.Phone, Lifecycle.Email, "12 Nguyễn Trãi" })
                Assert.DoesNotContain(personal, text);
    }

    [Fact]
    public async Task A_resolved_report_shows_in_the_public_case_its_timeline_the_list_the_agency_figures_and_the_statistics()
    {
        var code = await life.InProgress();
        await life.Ok(api.AgencyAKey, "noteProgress", code, new { publicText = "Đội thu gom đã đến hiện trường" });
        await life.Ok(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Đã thu gom xong" });
        await api.Projected();

        var month = Month(api.Clock.GetCurrentInstant());
        var data = (await Public("""
            query($code: String!, $m: YearMonth!) {
              case(trackingCode: $code) { trackingCode status agency onTime summary publicAnswer location { latitude longitude } timeline { step publicText agency } }
              cases(where: { ward: "Phú Xuân" }, first: 50) { nodes { trackingCode } totalCount }
              agency(id: "hepco") { name lateRate(from: $m, to: $m) { resolved resolvedLate } }
              statistics(from: $m, to: $m) { lateRate(by: AGENCY) { rows { group resolved lateRate } definition } }
            }
            """, new { code, m = month })).Data;
        var c = data["case"]!;
        Assert.Equal("RESOLVED", c["status"]!.GetValue<string>());
        Assert.Equal("hepco", c["agency"]!.GetValue<string>());
        Assert.True(c["onTime"]!.GetValue<bool>());
        Assert.Equal("Đã thu gom xong", c["publicAnswer"]!.GetValue<string>());
        // The citizen wrote "ở kiệt 12 Nguyễn Trãi": the default summary says what, not at whose door.
        Assert.Equal("Rác thải tồn đọng nhiều ngày ở […]", c["summary"]!.GetValue<string>());
        Assert.Equal(["received", "verified", "assigned", "assignment_accepted", "progress", "resolved"],
            c["timeline"]!.AsArray().Select(s => s!["step"]!.GetValue<string>()));
        Assert.Contains(c["timeline"]!.AsArray(), s => s!["publicText"]?.GetValue<string>() == "Đội thu gom đã đến hiện trường");
        // The public location is coarsened: at most three decimals (about 100 m).
        Assert.Equal(Math.Round(c["location"]!["latitude"]!.GetValue<double>(), 3), c["location"]!["latitude"]!.GetValue<double>());

        Assert.Contains(data["cases"]!["nodes"]!.AsArray(), n => n!["trackingCode"]!.GetValue<string>() == code);
        Assert.True(data["cases"]!["totalCount"]!.GetValue<int>() >= 1);
        Assert.True(data["agency"]!["lateRate"]!["resolved"]!.GetValue<int>() >= 1);
        Assert.Contains(data["statistics"]!["lateRate"]!["rows"]!.AsArray(), r => r!["group"]!.GetValue<string>() == "hepco" && r["resolved"]!.GetValue<int>() >= 1);
        Assert.Contains("late resolved", data["statistics"]!["lateRate"]!["definition"]!.GetValue<string>());
        NoPersonalDataWasShown();
    }

    [Fact]
    public async Task A_dossier_that_runs_late_gets_its_apology_and_counts_late_in_the_statistics()
    {
        var start = api.Clock.GetCurrentInstant();
        var (code, _) = await life.Submit("DOSSIER", "construction_permit");
        var accepted = await life.Ok(api.OperatorKey, "verifyCase", code);
        var due = NodaTime.Text.OffsetDateTimePattern.Rfc3339.Parse(accepted["dueAt"]!.GetValue<string>()).Value.ToInstant();
        Assert.True(due > start + Duration.FromDays(14), "construction permits take 15 working days");
        await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "so-xay-dung" });
        await life.Ok(api.AgencyBKey, "acceptAssignment", code);
        var apology = await life.Ok(api.AgencyBKey, "issueApology", code, new { newDueAt = NodaTime.Text.InstantPattern.ExtendedIso.Format(due + Duration.FromDays(7)), reason = "Cần thẩm định bổ sung" });
        Assert.DoesNotContain("issueApology", apology["allowedCommands"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("CASE_INVALID_TRANSITION", (await life.Act(api.AgencyBKey, "issueApology", code, new { newDueAt = "2031-01-01T00:00:00Z", reason = "x" })).Code);

        api.Clock.Reset(due + Duration.FromDays(2));
        var resolved = await life.Ok(api.AgencyBKey, "resolveCase", code, new { publicAnswer = "Đã cấp giấy phép xây dựng" });
        Assert.False(resolved["onTime"]!.GetValue<bool>());
        await api.Projected();

        var data = (await Public("""
            query($code: String!, $from: YearMonth!, $to: YearMonth!) {
              case(trackingCode: $code) { onTime apologyIssued apologyDueAt }
              statistics(from: $from, to: $to) { lateRate(by: CATEGORY) { rows { group resolved resolvedLate } } }
            }
            """, new { code, from = Month(start), to = Month(api.Clock.GetCurrentInstant()) })).Data;
        Assert.False(data["case"]!["onTime"]!.GetValue<bool>());
        Assert.True(data["case"]!["apologyIssued"]!.GetValue<bool>());
        var row = data["statistics"]!["lateRate"]!["rows"]!.AsArray().Single(r => r!["group"]!.GetValue<string>() == "construction_permit")!;
        Assert.True(row["resolvedLate"]!.GetValue<int>() >= 1);
        NoPersonalDataWasShown();
    }

    [Fact]
    public async Task A_misconduct_report_is_not_public_but_its_reporter_can_still_act_on_it()
    {
        var (code, secret) = await life.Submit("FIELD_REPORT", "official_misconduct");
        await api.Projected();
        Assert.Null((await Public("query($c: String!) { case(trackingCode: $c) { trackingCode } }", new { c = code })).Data["case"]);
        (await life.Act(null, "withdrawCase", code, new { reason = "đã được giải quyết", secret })).Ok();
    }

    [Fact]
    public async Task Paging_through_cases_never_repeats_or_skips_one()
    {
        for (var i = 0; i < 5; i++) await life.Submit();
        await api.Projected();
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await Public("query($a: String) { cases(first: 2, after: $a) { edges { cursor node { trackingCode } } pageInfo { hasNextPage endCursor } } }", new { a = after })).Data["cases"]!;
            seen.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["trackingCode"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        } while (after is not null);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        var total = (await Public("{ cases { totalCount } }")).Data["cases"]!["totalCount"]!.GetValue<int>();
        Assert.Equal(total, seen.Count);
    }

    [Fact]
    public async Task An_agency_sees_its_queue_and_nobody_else_can_ask_for_one()
    {
        var code = await life.InProgress();
        await api.Projected();
        var queue = (await api.Client(api.AgencyAKey).Send("{ myQueue { trackingCode effectiveDueAt } }")).Ok()["myQueue"]!.AsArray();
        Assert.Contains(queue, q => q!["trackingCode"]!.GetValue<string>() == code);
        Assert.DoesNotContain((await api.Client(api.AgencyBKey).Send("{ myQueue { trackingCode } }")).Ok()["myQueue"]!.AsArray(), q => q!["trackingCode"]!.GetValue<string>() == code);
        Assert.Equal("FORBIDDEN", (await api.Client().Send("{ myQueue { trackingCode } }")).Code);
    }

    [Fact]
    public async Task A_bad_cursor_or_period_is_a_typed_error()
    {
        Assert.Equal("VALIDATION_FAILED", (await api.Client().Send("{ cases(after: \"not-a-cursor\") { nodes { trackingCode } } }")).Code);
        Assert.Equal("VALIDATION_FAILED", (await api.Client().Send("{ cases(first: 1000) { nodes { trackingCode } } }")).Code);
        Assert.Equal("VALIDATION_FAILED", (await api.Client().Send("{ statistics(from: \"2026-05\", to: \"2026-01\") { from } }")).Code);
    }

    async Task<List<string>> PageThrough(string order, bool backward)
    {
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var query = backward
                ? $"query($c: String) {{ cases(order: {order}, last: 2, before: $c) {{ nodes {{ trackingCode }} pageInfo {{ hasPreviousPage startCursor }} }} }}"
                : $"query($c: String) {{ cases(order: {order}, first: 2, after: $c) {{ nodes {{ trackingCode }} pageInfo {{ hasNextPage endCursor }} }} }}";
            var page = (await Public(query, new { c = cursor })).Data["cases"]!;
            var codes = page["nodes"]!.AsArray().Select(n => n!["trackingCode"]!.GetValue<string>()).ToList();
            seen.InsertRange(backward ? 0 : seen.Count, codes);
            var info = page["pageInfo"]!;
            cursor = backward
                ? (info["hasPreviousPage"]!.GetValue<bool>() ? info["startCursor"]!.GetValue<string>() : null)
                : (info["hasNextPage"]!.GetValue<bool>() ? info["endCursor"]!.GetValue<string>() : null);
        } while (cursor is not null);
        return seen;
    }

    [Fact]
    public async Task Paging_backwards_and_oldest_first_give_the_same_cases_in_the_stated_order()
    {
        for (var i = 0; i < 5; i++) await life.Submit();
        await api.Projected();
        var forward = await PageThrough("NEWEST_FIRST", backward: false);
        Assert.True(forward.Count >= 5);
        Assert.Equal(forward, await PageThrough("NEWEST_FIRST", backward: true));
        var oldest = await PageThrough("OLDEST_FIRST", backward: false);
        Assert.Equal(Enumerable.Reverse(forward), oldest);
        Assert.Equal(oldest, await PageThrough("OLDEST_FIRST", backward: true));
        Assert.Equal("VALIDATION_FAILED", (await api.Client().Send("{ cases(first: 2, last: 2) { nodes { trackingCode } } }")).Code);
    }
}
