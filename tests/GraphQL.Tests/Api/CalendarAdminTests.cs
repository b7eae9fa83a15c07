using System.Text.Json.Nodes;
using Cases.Sla;
using NodaTime;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// The center adds a calendar year without a release, through the API: the file is validated and stored as the next
/// version, clocks started before keep their due times, clocks started after use it, and an explicit recompute
/// appends one event per open case it moves and leaves closed cases alone.
/// </summary>
public sealed class CalendarAdminTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    readonly Lifecycle life = new(api);

    const string Calendar2028 = """
        # test data: only what these tests need
        version 2028.1
        holiday 2028-01-03 New Year, compensatory for Saturday 1 January
        """;

    const string StatusFields = "calendarVersion warning daysCovered coveredUntil openOnAssumedWorkingDays years { year version provisionalDays }";

    static Instant Hue(int y, int m, int d, int h, int min) => new LocalDateTime(y, m, d, h, min).InZoneStrictly(WorkingCalendar.Zone).ToInstant();

    Task<GraphQLResponse> Import(string? key, string content, string fileName = "calendar-2028.txt") =>
        api.Client(key).Send($"mutation($input: ImportCalendarInput!) {{ importCalendar(input: $input) {{ {StatusFields} }} }}",
            new { input = new { fileName, content } });

    async Task<JsonNode> Status() => (await api.Client().Send($"{{ calendar {{ {StatusFields} }} }}")).Ok()["calendar"]!;

    async Task<long> StoredVersions() => await api.Database.ScalarAsync<long>("select count(*) from cases.calendar_years");

    async Task<string> AcceptedDossier()
    {
        var (code, _) = await life.Submit("DOSSIER", "construction_permit");
        await life.Ok(api.OperatorKey, "verifyCase", code);
        return code;
    }

    async Task<string> DueAt(string code) => (await api.Client(api.AuditorKey).Send(
        "query($c: String!) { audit { stateAt(trackingCode: $c) { dueAt } } }", new { c = code })).Ok()["audit"]!["stateAt"]!["dueAt"]!.GetValue<string>();

    [Fact]
    public async Task An_imported_year_moves_only_clocks_started_after_it_until_an_admin_recomputes_the_open_ones()
    {
        // Monday 20 December 2027: 15 working days run into 2028, which the shipped data does not cover.
        api.Clock.Reset(Hue(2027, 12, 20, 9, 0));
        var before = await AcceptedDossier();
        var closed = await AcceptedDossier();
        await life.Ok(api.OperatorKey, "closeCase", closed, new { reason = "withdrawn at the desk" });
        var (report, _) = await life.Submit();
        await api.Projected();

        var status = await Status();
        Assert.True(status["warning"]!.GetValue<bool>());
        Assert.Equal(11, status["daysCovered"]!.GetValue<int>());
        Assert.Equal(1, status["openOnAssumedWorkingDays"]!.GetValue<int>()); // the open dossier; the closed one is not open
        // Counted with Monday 3 January 2028 as a working day.
        Assert.Equal("2028-01-10T17:00:00+07:00", await DueAt(before));

        var imported = (await Import(api.AdminKey, Calendar2028)).Ok()["importCalendar"]!;
        Assert.Equal("2025.1+2026.1+2027.1+2028.1", imported["calendarVersion"]!.GetValue<string>());
        Assert.False(imported["warning"]!.GetValue<bool>());
        Assert.Equal("2028-12-31", imported["coveredUntil"]!.GetValue<string>());

        var after = await AcceptedDossier();
        Assert.Equal("2028-01-11T17:00:00+07:00", await DueAt(after));
        Assert.Equal("2028-01-10T17:00:00+07:00", await DueAt(before));

        await api.Projected();
        api.Clock.Reset(Hue(2027, 12, 22, 9, 0));
        var summary = (await api.Client(api.AdminKey).Send(
            "mutation { recomputeDueTimes(input: { reason: \"2028 holidays imported\" }) { calendarVersion considered changed unchanged refused } }"))
            .Ok()["recomputeDueTimes"]!;
        Assert.Equal(3, summary["considered"]!.GetValue<int>()); // before, after, and the report
        Assert.Equal(1, summary["changed"]!.GetValue<int>());
        Assert.Equal(2, summary["unchanged"]!.GetValue<int>());

        Assert.Equal("2028-01-11T17:00:00+07:00", await DueAt(before));
        var history = (await api.Client(api.AuditorKey).Send(
            "query($c: String!) { audit { history(trackingCode: $c) { type data metadata { actorRole command } } } }", new { c = before })).Ok()["audit"]!["history"]!.AsArray();
        var recomputed = history[^1]!;
        Assert.Equal("due_times_recomputed", recomputed["type"]!.GetValue<string>());
        Assert.Equal("ADMIN", recomputed["metadata"]!["actorRole"]!.GetValue<string>());
        var data = JsonNode.Parse(recomputed["data"]!.GetValue<string>())!;
        Assert.Equal("2028 holidays imported", data["reason"]!.GetValue<string>());
        Assert.Equal("2025.1+2026.1+2027.1", data["fromCalendarVersion"]!.GetValue<string>());
        var change = Assert.Single(data["changes"]!.AsArray())!;
        Assert.Equal("2028-01-10T10:00:00Z", change["oldDueAt"]!.GetValue<string>());
        Assert.Equal("2028-01-11T10:00:00Z", change["newDueAt"]!.GetValue<string>());

        foreach (var untouched in new[] { closed, after, report })
            Assert.DoesNotContain("due_times_recomputed", (await api.Client(api.AuditorKey).Send(
                "query($c: String!) { audit { history(trackingCode: $c) { type } } }", new { c = untouched })).Ok()["audit"]!["history"]!.AsArray()
                .Select(e => e!["type"]!.GetValue<string>()));

        // The public sees the new due time and why; the statistics no longer count a due time on assumed days.
        await api.Projected();
        var page = (await api.Client().Send("query($c: String!) { case(trackingCode: $c) { dueAt timeline { step publicText } } }", new { c = before })).Ok()["case"]!;
        Assert.Equal("2028-01-11T17:00:00+07:00", page["dueAt"]!.GetValue<string>());
        Assert.Contains(page["timeline"]!.AsArray(), s => s!["step"]!.GetValue<string>() == "due_recomputed" && s["publicText"]!.GetValue<string>() == "2028 holidays imported");
        Assert.Equal(0, (await Status())["openOnAssumedWorkingDays"]!.GetValue<int>());

        // Run again: nothing more moves.
        var again = (await api.Client(api.AdminKey).Send("mutation { recomputeDueTimes(input: { reason: \"again\" }) { changed } }")).Ok()["recomputeDueTimes"]!;
        Assert.Equal(0, again["changed"]!.GetValue<int>());
    }

    public static TheoryData<string, int, string> MalformedFiles() => new()
    {
        { "version 2029.1\nholiday 2030-01-01 New Year", 2, "outside the file's year 2029" },
        { "version 2029.1\nholiday 2029-01-01 New Year\nholiday 2029-01-01 New Year again", 3, "already listed as a holiday on line 2" },
        { "version 2029.1\nworkday 2029-01-03 make-up", 2, "is a Wednesday: a make-up workday is a weekend day" },
        { "version 2029.1\nfestival 2029-01-01 New Year", 2, "Unknown directive 'festival'" },
        { "version 2029.1\nholiday 2029-01-01", 2, "needs a name" },
        { "# 2027 is shipped as 2027.1\nversion 2027.1\nholiday 2027-01-01 New Year", 2, "not newer than 2027.1" },
    };

    [Theory]
    [MemberData(nameof(MalformedFiles))]
    public async Task A_malformed_file_is_refused_with_its_line_and_reason_and_nothing_changes(string content, int line, string problem)
    {
        var stored = await StoredVersions();
        var versionBefore = (await Status())["calendarVersion"]!.GetValue<string>();
        var fileName = content.Contains("2027.1") ? "calendar-2027.txt" : "calendar-2029.txt";

        var response = await Import(api.AdminKey, content, fileName);

        Assert.Equal("CALENDAR_INVALID", response.Code);
        var error = response.Errors[0]!;
        Assert.Equal(line, error["extensions"]!["line"]!.GetValue<int>());
        Assert.Contains(problem, error["extensions"]!["problem"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith($"{fileName}({line}): ", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(stored, await StoredVersions());
        Assert.Equal(versionBefore, (await Status())["calendarVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_an_admin_imports_a_calendar_or_recomputes()
    {
        Assert.Equal("FORBIDDEN", (await Import(api.OperatorKey, Calendar2028.Replace("2028", "2030"), "calendar-2030.txt")).Code);
        Assert.Equal("FORBIDDEN", (await Import(null, Calendar2028.Replace("2028", "2030"), "calendar-2030.txt")).Code);
        Assert.Equal("FORBIDDEN", (await api.Client(api.AgencyAKey).Send("mutation { recomputeDueTimes(input: { reason: \"x\" }) { changed } }")).Code);
        Assert.Equal("VALIDATION_FAILED", (await api.Client(api.AdminKey).Send("mutation { recomputeDueTimes(input: { reason: \" \" }) { changed } }")).Code);
        Assert.DoesNotContain((await Status())["years"]!.AsArray(), y => y!["year"]!.GetValue<int>() == 2030);
    }

    [Fact]
    public async Task Health_warns_when_the_calendar_covers_less_than_120_days()
    {
        var http = api.App.CreateClient();
        api.Clock.Reset(Hue(2026, 12, 1, 9, 0));
        var covered = JsonNode.Parse(await http.GetStringAsync("/health/ready"))!;
        Assert.False(covered["calendar"]!["warning"]!.GetValue<bool>());
        Assert.Empty(covered["warnings"]!.AsArray());

        api.Clock.Reset(Hue(2027, 9, 15, 9, 0));
        var response = await http.GetAsync("/health/ready");
        var warned = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode); // a warning, not unreadiness
        Assert.True(warned["calendar"]!["warning"]!.GetValue<bool>());
        Assert.Contains("import the next year", Assert.Single(warned["warnings"]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
    }
}
