using System.Text.Json.Nodes;
using Cases.Domain;
using Cases.GraphQL.Media;
using Cases.GraphQL.Tests.Api;
using ImageMagick;

namespace Cases.GraphQL.Tests.Media;

/// <summary>
/// Photos and summaries on cases through GraphQL and /media: what the public sees before and after verification,
/// after a rejection, and every bad reference refused with nothing half-stored.
/// </summary>
public class PublicPhotosTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    readonly MediaClient media = new(api);
    readonly Lifecycle life = new(api);

    const string Said = "Cống thoát nước bị vỡ trước chợ. Gọi tôi 0905 123 456 hoặc viết thư cho lan.nguyen@example.vn";

    async Task<JsonNode> Submit(string[] mediaRefs, object? location = null, string description = Said) =>
        await api.Client().Send("""
            mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode secret } }
            """, new
        {
            input = new
            {
                kind = "FIELD_REPORT", category = "urban_infrastructure", channel = "WEB", description, ward = "Phú Xuân",
                location = location ?? new { latitude = 16.47312, longitude = 107.58764 }, mediaRefs,
                reporter = new { phone = "0905123456", email = "lan.nguyen@example.vn" },
            },
        }) is var r && r.Errors.Count == 0 ? r.Ok()["submitCase"]! : throw new Xunit.Sdk.XunitException(r.Text);

    async Task<JsonNode?> PublicCase(string code)
    {
        await api.Projected();
        return (await api.Client().Send("""
            query($code: String!) { case(trackingCode: $code) {
              status summary location { latitude longitude } publicAnswer
              photos { id url thumbnailUrl } afterPhotos { id url } } }
            """, new { code })).Ok()["case"];
    }

    [Fact]
    public async Task Photos_become_public_with_the_masked_summary_when_the_report_is_verified_and_are_served_for_a_year()
    {
        var a = await media.UploadOk(TestImages.PhoneJpeg(800, 600));
        var b = await media.UploadOk(TestImages.Png(400, 300), "b.png");
        var code = (await Submit([a, b]))["trackingCode"]!.GetValue<string>();

        var before = (await PublicCase(code))!;
        Assert.Null(before["summary"]?.GetValue<string>());
        Assert.Empty(before["photos"]!.AsArray());
        Assert.Equal(404, (int)(await media.Get($"/media/{a}")).StatusCode);
        // The center sees them to verify, and no shared cache keeps that answer.
        using (var staff = await media.Get($"/media/{a}", api.OperatorKey))
        {
            Assert.Equal(200, (int)staff.StatusCode);
            Assert.Contains("no-store", staff.Headers.CacheControl!.ToString());
        }

        await life.Ok(api.OperatorKey, "verifyCase", code);
        var after = (await PublicCase(code))!;
        var summary = after["summary"]!.GetValue<string>();
        Assert.StartsWith("Cống thoát nước bị vỡ trước chợ.", summary);
        Assert.DoesNotContain("0905", summary);
        Assert.DoesNotContain("example.vn", summary);
        Assert.Equal([a, b], after["photos"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        // ~110 m: three decimals.
        Assert.Equal(16.473, after["location"]!["latitude"]!.GetValue<double>());

        using var photo = await media.Get(after["photos"]![0]!["url"]!.GetValue<string>());
        Assert.Equal(200, (int)photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        Assert.True(photo.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(365), photo.Headers.CacheControl.MaxAge);
        using (var served = new MagickImage(await photo.Content.ReadAsByteArrayAsync()))
        {
            Assert.Null(served.GetExifProfile());
            Assert.Empty(served.ProfileNames);
        }
        using var thumb = await media.Get(after["photos"]![1]!["thumbnailUrl"]!.GetValue<string>());
        Assert.Equal(200, (int)thumb.StatusCode);

        // The agency's photo of the result is public with its answer.
        await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco" });
        await life.Ok(api.AgencyAKey, "acceptAssignment", code);
        var fixedPhoto = await media.UploadOk(TestImages.PhoneJpeg(640, 480, "#777"));
        await life.Ok(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Đã thay nắp cống", evidenceRefs = new[] { fixedPhoto, "BB-2026-118" } });
        var resolved = (await PublicCase(code))!;
        Assert.Equal([fixedPhoto], resolved["afterPhotos"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal(200, (int)(await media.Get($"/media/{fixedPhoto}")).StatusCode);
    }

    [Fact]
    public async Task A_summary_the_operator_writes_is_published_as_written_and_can_be_edited_later()
    {
        var code = (await Submit([]))["trackingCode"]!.GetValue<string>();
        await life.Ok(api.OperatorKey, "verifyCase", code, new { publicSummary = "Cống vỡ trước chợ Đông Ba; đường dây nóng 0234 3822 123" });
        Assert.Equal("Cống vỡ trước chợ Đông Ba; đường dây nóng 0234 3822 123", (await PublicCase(code))!["summary"]!.GetValue<string>());

        await life.Ok(api.OperatorKey, "setPublicSummary", code, new { summary = "Cống vỡ trước chợ Đông Ba" });
        Assert.Equal("Cống vỡ trước chợ Đông Ba", (await PublicCase(code))!["summary"]!.GetValue<string>());
        Assert.Equal("FORBIDDEN", (await life.Act(api.AgencyAKey, "setPublicSummary", code, new { summary = "x" })).Code);
    }

    [Fact]
    public async Task A_rejected_report_shows_its_category_and_reason_only()
    {
        var photo = await media.UploadOk(TestImages.PhoneJpeg(320, 240));
        var code = (await Submit([photo]))["trackingCode"]!.GetValue<string>();
        await life.Ok(api.OperatorKey, "rejectCase", code, new { reason = "Không thuộc thẩm quyền" });
        var rejected = (await PublicCase(code))!;
        Assert.Equal("REJECTED", rejected["status"]!.GetValue<string>());
        Assert.Null(rejected["summary"]?.GetValue<string>());
        Assert.Null(rejected["location"]);
        Assert.Empty(rejected["photos"]!.AsArray());
        Assert.Equal(404, (int)(await media.Get($"/media/{photo}")).StatusCode);
    }

    [Fact]
    public async Task A_sixth_photo_is_refused_and_nothing_is_stored_or_attached()
    {
        var ids = new List<string>();
        for (var i = 0; i < CaseDecider.MaxPhotos + 1; i++) ids.Add(await media.UploadOk(TestImages.Png(32, 32)));
        var cases = await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams");

        var response = await SubmitRaw([.. ids]);
        Assert.Equal("VALIDATION_FAILED", response.Code);
        Assert.Equal("mediaRefs", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(cases, await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams"));
        Assert.Equal(0, await api.Database.ScalarAsync<long>("select count(*) from cases.media where id = any($1::uuid[]) and case_id is not null", (object)ids.ToArray()));

        // The same five go through.
        var code = (await Submit([.. ids.Take(CaseDecider.MaxPhotos)]))["trackingCode"]!.GetValue<string>();
        Assert.Equal(5, await api.Database.ScalarAsync<long>("select count(*) from cases.media where id = any($1::uuid[]) and case_id is not null", (object)ids.ToArray()));
        Assert.NotNull(code);
    }

    Task<GraphQLResponse> SubmitRaw(string[] mediaRefs, object? location = null) => api.Client().Send("""
        mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode } }
        """, new
    {
        input = new
        {
            kind = "FIELD_REPORT", category = "urban_infrastructure", description = "Đèn hỏng", ward = "Phú Xuân",
            location = location ?? new { latitude = 16.47, longitude = 107.58 }, mediaRefs,
        },
    });

    [Fact]
    public async Task References_that_are_not_fresh_uploads_of_this_case_are_refused_typed()
    {
        var cases = await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams");
        Assert.Equal(MediaError.NotFound, (await SubmitRaw(["photo.jpg"])).Code);
        Assert.Equal(MediaError.NotFound, (await SubmitRaw([Guid.NewGuid().ToString()])).Code);

        var stale = await media.UploadOk(TestImages.Png(32, 32));
        await api.Database.ExecAsync("update cases.media set created_at = created_at - interval '25 hours' where id = $1::uuid", stale);
        var expired = await SubmitRaw([stale]);
        Assert.Equal(MediaError.Expired, expired.Code);
        Assert.Equal("mediaRefs", expired.Errors[0]!["extensions"]!["field"]!.GetValue<string>());

        var taken = await media.UploadOk(TestImages.Png(32, 32));
        var first = (await Submit([taken]))["trackingCode"]!.GetValue<string>();
        Assert.Equal(MediaError.InUse, (await SubmitRaw([taken])).Code);

        var outside = await SubmitRaw([], new { latitude = 21.0285, longitude = 105.8542 });
        Assert.Equal("VALIDATION_FAILED", outside.Code);
        Assert.Equal("location", outside.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(cases + 1, await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams"));
        Assert.NotNull(first);
    }

    [Fact]
    public async Task A_citizen_answers_with_photos_and_a_wrong_secret_is_refused()
    {
        var submitted = await Submit([]);
        var (code, secret) = (submitted["trackingCode"]!.GetValue<string>(), submitted["secret"]!.GetValue<string>());
        await life.Ok(api.OperatorKey, "verifyCase", code);
        await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco" });
        await life.Ok(api.AgencyAKey, "acceptAssignment", code);
        await life.Ok(api.AgencyAKey, "requestInformation", code, new { question = "Xin ảnh toàn cảnh" });

        var photo = await media.UploadOk(TestImages.PhoneJpeg(640, 480));
        var wrong = await life.Act(null, "provideInformation", code, new { text = "Ảnh đây", secret = "cs_wrong", mediaRefs = new[] { photo } });
        Assert.Equal("FORBIDDEN", wrong.Code);
        Assert.Equal(0, await api.Database.ScalarAsync<long>("select count(*) from cases.media where id = $1::uuid and case_id is not null", photo));

        await life.Ok(null, "provideInformation", code, new { text = "Ảnh đây", secret, mediaRefs = new[] { photo } });
        Assert.Contains(photo, (await PublicCase(code))!["photos"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
    }
}
