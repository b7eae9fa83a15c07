using System.Text.Json.Nodes;
using Cases.EventStore;
using Cases.GraphQL.Tests.Api;

namespace Cases.GraphQL.Tests.Media;

/// <summary>
/// Issue 20 through the real pipeline: the reporter sees their own description and photos with the secret before
/// verification (nobody else does); an evidence id must be an upload of this case; the auditor's export verifies
/// offline; the staff audit log is for auditors and admins.
/// </summary>
public class ReporterAndEvidenceTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    readonly MediaClient media = new(api);
    readonly Lifecycle life = new(api);

    async Task<(string Code, string Secret)> SubmitWith(string photo)
    {
        var data = (await api.Client().Send("""
            mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode secret } }
            """, new
        {
            input = new
            {
                kind = "FIELD_REPORT", category = "urban_infrastructure", channel = "WEB", description = "Nắp cống vỡ ở Đông Ba", ward = "Phú Xuân",
                location = new { latitude = 16.4755, longitude = 107.5855 }, mediaRefs = new[] { photo },
            },
        })).Ok()["submitCase"]!;
        return (data["trackingCode"]!.GetValue<string>(), data["secret"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_reporter_sees_their_description_and_photos_with_the_secret_before_verification_and_nobody_else_does()
    {
        var photo = await media.UploadOk(TestImages.PhoneJpeg(800, 600));
        var (code, secret) = await SubmitWith(photo);
        await api.Projected();
        const string Query = "query($c: String!, $s: String!) { myReport(trackingCode: $c, secret: $s) { description photos } }";

        var own = (await api.Client().Send(Query, new { c = code, s = secret })).Ok()["myReport"]!;
        Assert.Equal("Nắp cống vỡ ở Đông Ba", own["description"]!.GetValue<string>());
        Assert.Equal([photo], own["photos"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal("FORBIDDEN", (await api.Client().Send(Query, new { c = code, s = "cs_wrong" })).Code);
        Assert.Equal("FORBIDDEN", (await api.Client().Send(Query, new { c = "HUE-1999-000001", s = secret })).Code);

        using var http = api.App.CreateClient();
        Assert.Equal(404, (int)(await http.GetAsync($"/media/{photo}/thumbnail")).StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Get, $"/media/{photo}/thumbnail") { Headers = { { "X-Case-Secret", "cs_wrong" } } };
        Assert.Equal(404, (int)(await http.SendAsync(wrong)).StatusCode);
        using var right = new HttpRequestMessage(HttpMethod.Get, $"/media/{photo}/thumbnail") { Headers = { { "X-Case-Secret", secret } } };
        using var answer = await http.SendAsync(right);
        Assert.Equal(200, (int)answer.StatusCode);
        Assert.Contains("no-store", answer.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task An_evidence_id_that_is_not_an_upload_of_this_case_is_refused_and_nothing_is_stored_while_a_document_reference_is_kept()
    {
        var other = await media.UploadOk(TestImages.PhoneJpeg(400, 300));
        await SubmitWith(other); // now another case's photo
        var code = await life.InProgress();
        var version = await api.Database.ScalarAsync<long>("select count(*) from cases.mt_events");
        foreach (var bad in new[] { other, Guid.NewGuid().ToString() })
        {
            var refused = await life.Act(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Xong", evidenceRefs = new[] { bad } });
            Assert.StartsWith("MEDIA_", refused.Code);
            Assert.Equal("evidenceRefs", refused.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        }
        Assert.Equal(version, await api.Database.ScalarAsync<long>("select count(*) from cases.mt_events"));

        var after = await media.UploadOk(TestImages.PhoneJpeg(640, 480));
        await life.Ok(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Đã thay nắp cống", evidenceRefs = new[] { after, "BB-2026/114" } });
        await api.Projected();
        var shown = (await api.Client().Send("query($c: String!) { case(trackingCode: $c) { afterPhotos { id } } }", new { c = code })).Ok()["case"]!;
        Assert.Equal([after], shown["afterPhotos"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_progress_note_takes_only_uploads_of_this_case_and_its_photos_are_published_with_it_as_after_photos_are()
    {
        var other = await media.UploadOk(TestImages.PhoneJpeg(400, 300));
        await SubmitWith(other); // now another case's photo
        var code = await life.InProgress();
        var events = await api.Database.ScalarAsync<long>("select count(*) from cases.mt_events");
        foreach (var bad in new[] { other, Guid.NewGuid().ToString(), "IMG_0001.jpg" })
        {
            var refused = await life.Act(api.AgencyAKey, "noteProgress", code, new { publicText = "Đang nạo vét", mediaRefs = new[] { bad } });
            Assert.StartsWith("MEDIA_", refused.Code);
            Assert.Equal("mediaRefs", refused.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        }
        Assert.Equal(events, await api.Database.ScalarAsync<long>("select count(*) from cases.mt_events"));

        var work = await media.UploadOk(TestImages.PhoneJpeg(640, 480));
        await life.Ok(api.AgencyAKey, "noteProgress", code, new { publicText = "Đang nạo vét cống", mediaRefs = new[] { work } });
        await api.Projected();
        var timeline = (await api.Client(api.OperatorKey).Send("query($c: String!) { staffCase(trackingCode: $c) { timeline { type data } } }", new { c = code }))
            .Ok()["staffCase"]!["timeline"]!.AsArray();
        var note = timeline.Single(e => e!["type"]!.GetValue<string>() == "progress_noted")!;
        Assert.Equal([work], JsonNode.Parse(note["data"]!.GetValue<string>())!["mediaRefs"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(200, (int)(await media.Get($"/media/{work}/thumbnail", api.OperatorKey)).StatusCode);
        var shown = (await api.Client().Send("query($c: String!) { case(trackingCode: $c) { progressPhotos { id } afterPhotos { id } } }", new { c = code })).Ok()["case"]!;
        Assert.Equal([work], shown["progressPhotos"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Empty(shown["afterPhotos"]!.AsArray());
        Assert.Equal(200, (int)(await media.Get($"/media/{work}/thumbnail")).StatusCode);
        // The upload is now this case's: another case cannot take it.
        var second = await life.InProgress();
        Assert.Equal("MEDIA_IN_USE", (await life.Act(api.AgencyAKey, "noteProgress", second, new { publicText = "x", mediaRefs = new[] { work } })).Code);
    }

    [Fact]
    public async Task The_auditor_exports_a_history_that_verifies_offline_and_reads_the_staff_audit_log()
    {
        var code = await life.InProgress();
        var audit = (await api.Client(api.AuditorKey).Send("""
            query($c: String!) { audit { export(trackingCode: $c) history(trackingCode: $c) { version data hash prevHash } } }
            """, new { c = code })).Ok()["audit"]!;
        var json = audit["export"]!.GetValue<string>();
        Assert.True(ChainExport.Verify(json).Valid);
        var history = audit["history"]!.AsArray();
        Assert.Contains("Rác thải tồn đọng nhiều ngày", history[0]!["data"]!.GetValue<string>());
        Assert.Null(history[0]!["prevHash"]?.GetValue<string>());
        Assert.Equal(history[0]!["hash"]!.GetValue<string>(), history[1]!["prevHash"]!.GetValue<string>());

        var path = Path.Combine(Path.GetTempPath(), $"{code}-history.json");
        await File.WriteAllTextAsync(path, json);
        Assert.True(ChainExport.Verify(await File.ReadAllTextAsync(path)).Valid);
        File.Delete(path);

        await api.SignedIn("op.nguyen");
        var log = (await api.Client(api.AuditorKey).Send("{ staffAudit(login: \"op.nguyen\", event: \"sign_in\") { login name event at } }")).Ok()["staffAudit"]!.AsArray();
        Assert.NotEmpty(log);
        Assert.All(log, e => Assert.Equal(("op.nguyen", "sign_in"), (e!["login"]!.GetValue<string>(), e["event"]!.GetValue<string>())));
        Assert.Equal("FORBIDDEN", (await api.Client(api.OperatorKey).Send("{ staffAudit { id } }")).Code);
    }
}
