using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Cases.Domain;
using Cases.GraphQL.Tests.Api;
using NodaTime;

namespace Cases.GraphQL.Tests.OpenData;

/// <summary>The open-data files at /open-data/ (issue 23, part 3), through the real HTTP pipeline and database.</summary>
public class OpenDataTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    readonly Lifecycle life = new(api);

    string Month => api.Clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date.ToYearMonth().ToString("yyyy-MM", null);

    async Task<(string Resolved, string Received)> TwoCases()
    {
        var resolved = await life.InProgress();
        await life.Ok(api.AgencyAKey, "resolveCase", resolved, new { publicAnswer = "Đã xử lý, \"sạch\", gọn\nngay trong ngày" });
        var (received, secret) = await life.Submit(category: "traffic_infrastructure");
        await api.Projected();
        return (resolved, received);
    }

    static List<Dictionary<string, string>> ParseCsv(string text)
    {
        // .NET's own RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes), not ours.
        using var csv = new Microsoft.VisualBasic.FileIO.TextFieldParser(new StringReader(text))
        {
            TextFieldType = Microsoft.VisualBasic.FileIO.FieldType.Delimited, Delimiters = [","], HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false,
        };
        var header = csv.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!csv.EndOfData)
        {
            var fields = csv.ReadFields()!;
            Assert.Equal(header.Length, fields.Length);
            rows.Add(header.Select((h, i) => (h, fields[i])).ToDictionary(x => x.h, x => x.Item2));
        }
        return rows;
    }

    [Fact]
    public async Task The_cases_csv_parses_with_its_header_and_holds_the_public_fields_only()
    {
        var (resolved, received) = await TwoCases();
        var http = api.App.CreateClient();
        using var response = await http.GetAsync("/open-data/cases.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("tracking_code,", text);
        var rows = ParseCsv(text);
        var row = rows.Single(r => r["tracking_code"] == resolved);
        Assert.Equal("resolved", row["status"]);
        Assert.Equal("hepco", row["lead_agency"]);
        Assert.Equal("Đã xử lý, \"sạch\", gọn\nngay trong ngày", row["public_answer"]);
        Assert.Equal(Math.Round(double.Parse(row["latitude"], CultureInfo.InvariantCulture), 3), double.Parse(row["latitude"], CultureInfo.InvariantCulture));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$", row["received_at"]);
        Assert.Equal("", rows.Single(r => r["tracking_code"] == received)["summary"]);
        Assert.DoesNotContain(Lifecycle.Phone, text);
        Assert.DoesNotContain(Lifecycle.Reporter, text);

        var filtered = ParseCsv(await http.GetStringAsync($"/open-data/cases.csv?category=traffic_infrastructure&status=received&from={Month}&to={Month}"));
        Assert.Contains(filtered, r => r["tracking_code"] == received);
        Assert.DoesNotContain(filtered, r => r["tracking_code"] == resolved);
        Assert.All(filtered, r => Assert.Equal("traffic_infrastructure", r["category"]));
        Assert.Empty(ParseCsv(await http.GetStringAsync("/open-data/cases.csv?ward=Nowhere")));
    }

    [Fact]
    public async Task The_geojson_is_a_feature_collection_of_points_inside_the_province()
    {
        var (resolved, _) = await TwoCases();
        using var response = await api.App.CreateClient().GetAsync("/open-data/cases.geojson");
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType!.MediaType);
        var doc = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("FeatureCollection", doc["type"]!.GetValue<string>());
        var features = doc["features"]!.AsArray();
        Assert.NotEmpty(features);
        var b = Cases.Places.AdministrativeMap.Current.Province;
        foreach (var f in features)
        {
            Assert.Equal("Feature", f!["type"]!.GetValue<string>());
            Assert.Equal("Point", f["geometry"]!["type"]!.GetValue<string>());
            var c = f["geometry"]!["coordinates"]!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
            Assert.Equal(2, c.Length);
            Assert.InRange(c[0], b.MinLongitude, b.MaxLongitude);
            Assert.InRange(c[1], b.MinLatitude, b.MaxLatitude);
            Assert.False(f["properties"]!.AsObject().ContainsKey("latitude"));
        }
        Assert.Contains(features, f => f!["properties"]!["tracking_code"]!.GetValue<string>() == resolved);
    }

    [Fact]
    public async Task A_mirror_polls_with_its_etag_and_gets_304_until_the_cases_change()
    {
        await TwoCases();
        var http = api.App.CreateClient();
        using var first = await http.GetAsync("/open-data/cases.csv");
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);
        Assert.Contains("creativecommons.org/licenses/by/4.0", first.Headers.GetValues("Link").Single());

        using var again = new HttpRequestMessage(HttpMethod.Get, "/open-data/cases.csv");
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var since = new HttpRequestMessage(HttpMethod.Get, "/open-data/cases.csv");
        since.Headers.IfModifiedSince = first.Content.Headers.LastModified;
        Assert.Equal(HttpStatusCode.NotModified, (await http.SendAsync(since)).StatusCode);

        await life.Submit();
        await api.Projected();
        using var changed = new HttpRequestMessage(HttpMethod.Get, "/open-data/cases.csv");
        changed.Headers.IfNoneMatch.Add(etag);
        using var fresh = await http.SendAsync(changed);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag);
    }

    [Fact]
    public async Task The_statistics_csv_holds_the_figures_graphql_statistics_answers_for_the_same_period()
    {
        var (resolved, _) = await TwoCases();
        var code = await life.InProgress();
        await life.Ok(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Xong" });
        await api.Projected();
        var month = Month;
        var csv = ParseCsv(await api.App.CreateClient().GetStringAsync($"/open-data/statistics.csv?from={month}&to={month}"));
        Assert.Equal(["agency", "category", "ward", "month"], csv.Select(r => r["dimension"]).Distinct());

        var data = (await api.Client().Send("""
            query($m: YearMonth!) { statistics(from: $m, to: $m) {
              a: lateRate(by: AGENCY) { rows { group resolved resolvedLate lateRate openOverdue } }
              c: lateRate(by: CATEGORY) { rows { group resolved resolvedLate lateRate openOverdue } }
              w: lateRate(by: WARD) { rows { group resolved resolvedLate lateRate openOverdue } }
              m: lateRate(by: MONTH) { rows { group resolved resolvedLate lateRate openOverdue } }
              s: satisfaction(by: CATEGORY) { rows { group ratings satisfied shareSatisfied } }
              d: durations(by: AGENCY) { rows { group step medianWorkingHours p90WorkingHours } }
            } }
            """, new { m = month })).Ok()["statistics"]!;
        foreach (var (alias, dimension) in new[] { ("a", "agency"), ("c", "category"), ("w", "ward"), ("m", "month") })
        {
            var rows = data[alias]!["rows"]!.AsArray();
            Assert.NotEmpty(rows);
            foreach (var g in rows)
            {
                var row = csv.Single(r => r["dimension"] == dimension && r["group"] == g!["group"]!.GetValue<string>());
                Assert.Equal(g!["resolved"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), row["resolved"]);
                Assert.Equal(g["resolvedLate"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), row["resolved_late"]);
                Assert.Equal(g["openOverdue"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), row["open_overdue"]);
                Assert.Equal<double?>(g["lateRate"] is { } rate ? rate.GetValue<double>() : null, row["late_rate"] == "" ? null : double.Parse(row["late_rate"], CultureInfo.InvariantCulture));
            }
        }
        foreach (var s in data["s"]!["rows"]!.AsArray())
        {
            var row = csv.Single(r => r["dimension"] == "category" && r["group"] == s!["group"]!.GetValue<string>());
            Assert.Equal(s!["ratings"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture), row["ratings"]);
        }
        var durations = data["d"]!["rows"]!.AsArray();
        Assert.NotEmpty(durations);
        foreach (var d in durations)
        {
            var row = csv.Single(r => r["dimension"] == "agency" && r["group"] == d!["group"]!.GetValue<string>());
            var step = d!["step"]!.GetValue<string>();
            Assert.Equal(d["medianWorkingHours"]!.GetValue<double>(), double.Parse(row[$"{step}_median_hours"], CultureInfo.InvariantCulture));
            Assert.Equal(d["p90WorkingHours"]!.GetValue<double>(), double.Parse(row[$"{step}_p90_hours"], CultureInfo.InvariantCulture));
        }
    }

    [Theory]
    [InlineData("/open-data/cases.csv?from=yesterday")]
    [InlineData("/open-data/cases.geojson?status=lost")]
    [InlineData("/open-data/cases.csv?from=2026-05-01&to=2026-04-01")]
    [InlineData("/open-data/statistics.csv?from=2026-13")]
    [InlineData("/open-data/statistics.csv?from=2000-01&to=2026-01")]
    public async Task A_bad_filter_is_a_400_with_its_field(string url)
    {
        using var response = await api.App.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("VALIDATION_FAILED", body["code"]!.GetValue<string>());
        Assert.NotNull(body["field"]);
    }
}
