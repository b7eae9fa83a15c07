using System.Text.Json.Nodes;
using Cases.Places;
using Cases.Sla;
using NodaTime;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// Issue 24: a reform imported as a map version merges two agencies; every case they hold moves to the successor with
/// one event, in the same status with the same due times; the audit shows the move and the chain still holds.
/// </summary>
public sealed class AdministrativeMapTests(AdministrativeMapTests.Fixture api) : IClassFixture<AdministrativeMapTests.Fixture>
{
    public sealed class Fixture : ApiFixture;

    readonly Lifecycle life = new(api);

    const string Successor = "so-xd-mt-thu";

    /// <summary>The map in force today with hepco and so-xay-dung merged into one agency, effective today.</summary>
    string Merger(string version = "2099.1")
    {
        var today = api.Clock.GetCurrentInstant().InZone(WorkingCalendar.Zone).Date;
        var inForce = MapLibrary.Embedded().InForce(today);
        var lines = inForce.Content.Split('\n')
            .Where(l => !l.StartsWith("agency hepco ") && !l.StartsWith("agency so-xay-dung "))
            .Select(l => l.StartsWith("version ") ? $"version {version}" : l.StartsWith("effective ") ? $"effective {today:yyyy-MM-dd}" : WithoutPredecessors(l));
        return string.Join('\n', lines) + $"\nagency {Successor} | department | - | Sở Xây dựng và Môi trường (thử nghiệm) | Department of Construction and Environment (test) | from hepco, so-xay-dung\n";
    }

    Task<GraphQLResponse> Import(string? key, string content, string fileName = "map-test.txt") =>
        api.Client(key).Send("""
            mutation($input: ImportAdminMapInput!) {
              importAdminMap(input: $input) { moved alreadyMoved closed moves { fromAgency toAgency cases } staffToMove { kind name agency successor } }
            }
            """, new { input = new { fileName, content } });

    async Task<JsonNode> Staff(string code) => (await api.Client(api.OperatorKey).Send(
        "query($c: String!) { staffCase(trackingCode: $c) { case { status leadAgency supportingAgencies dueAt effectiveDueAt version } } }", new { c = code })).Ok()["staffCase"]!["case"]!;

    [Fact]
    public async Task A_merger_moves_every_open_overdue_and_paused_case_with_one_event_and_leaves_the_clocks_alone()
    {
        var assigned = (await life.Submit()).Code;
        await life.Ok(api.OperatorKey, "verifyCase", assigned);
        await life.Ok(api.OperatorKey, "assignCase", assigned, new { leadAgency = "hepco" });
        var inProgress = await life.InProgress();
        var paused = await life.InProgress();
        await life.Ok(api.AgencyAKey, "requestInformation", paused, new { question = "Xin ảnh chụp gần hơn?" });
        var supported = (await life.Submit()).Code;
        await life.Ok(api.OperatorKey, "verifyCase", supported);
        await life.Ok(api.OperatorKey, "assignCase", supported, new { leadAgency = "so-tu-phap", supportingAgencies = new[] { "so-xay-dung" } });
        var closed = await life.InProgress();
        await life.Ok(api.OperatorKey, "closeCase", closed, new { reason = "trùng lặp" });
        var resolved = await life.InProgress();
        await life.Ok(api.AgencyAKey, "resolveCase", resolved, new { publicAnswer = "Đã thu gom.", evidenceRefs = Array.Empty<string>() });
        // Three weeks on, the open ones are overdue.
        api.Clock.Advance(Duration.FromDays(21));
        var moving = new[] { assigned, inProgress, paused, supported };
        var before = new Dictionary<string, JsonNode>();
        foreach (var c in moving) before[c] = await Staff(c);
        Assert.All(new[] { assigned, inProgress }, c => Assert.True(Instant.FromDateTimeOffset(DateTimeOffset.Parse(before[c]["effectiveDueAt"]!.GetValue<string>())) < api.Clock.GetCurrentInstant()));
        await api.Projected();

        Assert.Equal("FORBIDDEN", (await Import(api.OperatorKey, Merger())).Code);
        var summary = (await Import(api.AdminKey, Merger())).Ok()["importAdminMap"]!;
        Assert.Equal(5, summary["moved"]!.GetValue<int>()); // the resolved one too: a reopened report goes back to its agency
        Assert.Equal(1, summary["closed"]!.GetValue<int>()); // the closed case stays with hepco: nothing to move
        Assert.Equal(4, summary["moves"]!.AsArray().Single(m => m!["fromAgency"]!.GetValue<string>() == "hepco")!["cases"]!.GetValue<int>());
        // Staff of the ended agencies are listed for the admin, not moved.
        var staff = summary["staffToMove"]!.AsArray().Select(s => (s!["kind"]!.GetValue<string>(), s["agency"]!.GetValue<string>(), s["successor"]!.GetValue<string>())).ToList();
        Assert.Contains(("account", "hepco", Successor), staff);
        Assert.Contains(("api_key", "so-xay-dung", Successor), staff);

        foreach (var c in moving)
        {
            var after = await Staff(c);
            Assert.Equal(before[c]["status"]!.GetValue<string>(), after["status"]!.GetValue<string>());
            Assert.Equal(before[c]["dueAt"]?.ToJsonString(), after["dueAt"]?.ToJsonString());
            Assert.Equal(before[c]["effectiveDueAt"]?.ToJsonString(), after["effectiveDueAt"]?.ToJsonString());
            Assert.Equal(before[c]["version"]!.GetValue<int>() + 1, after["version"]!.GetValue<int>()); // one event each
        }
        Assert.Equal(Successor, (await Staff(assigned))["leadAgency"]!.GetValue<string>());
        Assert.Equal("WAITING_FOR_CITIZEN", (await Staff(paused))["status"]!.GetValue<string>());
        Assert.Equal("so-tu-phap", (await Staff(supported))["leadAgency"]!.GetValue<string>());
        Assert.Equal([Successor], (await Staff(supported))["supportingAgencies"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("hepco", (await Staff(closed))["leadAgency"]!.GetValue<string>());

        // The audit shows the move with its legal basis, and the chain of every case still holds.
        var history = (await api.Client(api.AuditorKey).Send("query($c: String!) { audit { history(trackingCode: $c) { type data } } }", new { c = inProgress }))
            .Ok()["audit"]!["history"]!.AsArray();
        var moved = history.Last()!;
        Assert.Equal("agency_succeeded", moved["type"]!.GetValue<string>());
        Assert.Contains("2099.1", moved["data"]!.GetValue<string>());
        Assert.True((await api.Client(api.AuditorKey).Send("{ audit { verifyChain { valid } } }")).Ok()["audit"]!["verifyChain"]!["valid"]!.GetValue<bool>());

        // The ended agency is refused by name of its successor; running the reorganisation again moves nothing.
        var refused = await life.Act(api.OperatorKey, "assignCase", (await life.Submit()).Code, new { leadAgency = "hepco" });
        Assert.Equal("VALIDATION_FAILED", refused.Code);
        Assert.Equal(("leadAgency", "former", Successor), (refused.Errors[0]!["extensions"]!["field"]!.GetValue<string>(),
            refused.Errors[0]!["extensions"]!["reason"]!.GetValue<string>(), refused.Errors[0]!["extensions"]!["successor"]!.GetValue<string>()));
        var again = (await api.Client(api.AdminKey).Send("mutation { reorganiseAgencies { moved alreadyMoved } }")).Ok()["reorganiseAgencies"]!;
        Assert.Equal(0, again["moved"]!.GetValue<int>());

        // hepco's resolution stays hepco's as the units were; as they are now it is the successor's.
        await api.Projected();
        async Task<Dictionary<string, int>> Resolved(string units) => (await api.Client().Send(
                $$"""{ statistics(from: "2026-01", to: "2027-12") { lateRate(by: AGENCY, units: {{units}}) { rows { group resolved } definition } } }"""))
            .Ok()["statistics"]!["lateRate"]!["rows"]!.AsArray().ToDictionary(r => r!["group"]!.GetValue<string>(), r => r!["resolved"]!.GetValue<int>());
        Assert.Equal(1, (await Resolved("HISTORICAL"))["hepco"]);
        var now = await Resolved("CURRENT");
        Assert.False(now.ContainsKey("hepco"));
        Assert.Equal(1, now[Successor]);
    }

    [Fact]
    public async Task A_file_that_would_leave_an_agency_with_no_successor_is_refused_with_its_line_and_changes_nothing()
    {
        var orphaned = Merger("2099.2").Replace(" | from hepco, so-xay-dung", " | from so-xay-dung");
        var refused = await Import(api.AdminKey, orphaned, "map-2099-2.txt");
        Assert.Equal("ADMIN_MAP_INVALID", refused.Code);
        var ext = refused.Errors[0]!["extensions"]!;
        Assert.Equal("map-2099-2.txt", ext["fileName"]!.GetValue<string>());
        Assert.Equal(Array.FindIndex(orphaned.Split('\n'), l => l.StartsWith("effective ")) + 1, ext["line"]!.GetValue<int>());
        Assert.Contains("'hepco'", ext["problem"]!.GetValue<string>());
        Assert.Equal(0, await api.Database.ScalarAsync<long>("select count(*) from cases.admin_maps where version = '2099.2'"));

        var malformed = await Import(api.AdminKey, "version 2099.3\neffective tomorrow\n", "bad.txt");
        Assert.Equal("ADMIN_MAP_INVALID", malformed.Code);
        Assert.Equal(2, malformed.Errors[0]!["extensions"]!["line"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_province_and_the_map_in_force_are_public_with_their_legal_basis()
    {
        var data = (await api.Client().Send("{ province { name nameEn trackingPrefix } administrativeMap { inForce versions { version inForce basis { document date } provisional } } }")).Ok();
        Assert.Equal(("thành phố Huế", "Huế City", "HUE"), (data["province"]!["name"]!.GetValue<string>(), data["province"]!["nameEn"]!.GetValue<string>(),
            data["province"]!["trackingPrefix"]!.GetValue<string>()));
        var versions = data["administrativeMap"]!["versions"]!.AsArray();
        Assert.Single(versions, v => v!["inForce"]!.GetValue<bool>());
        Assert.All(versions, v => Assert.NotEmpty(v!["basis"]!.AsArray()));
    }

    /// <summary>A line of the map in force, carried into the next version as it is: its predecessors were the version before's.</summary>
    static string WithoutPredecessors(string line) => System.Text.RegularExpressions.Regex.Replace(line, @" \| from [^|]*", "");
}
