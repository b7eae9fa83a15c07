using System.Net;
using Amazon.S3;
using Cases.GraphQL.Media;
using Cases.GraphQL.Tests.Api;
using Cases.GraphQL.Tests.Host;
using ImageMagick;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.GraphQL.Tests.Media;

/// <summary>
/// The media store in an S3 bucket (<c>Media:Store=s3</c>), against a real S3-compatible server on 127.0.0.1:
/// uploads land in the bucket and nowhere else, are served by /media with the same rules, are removed from the
/// bucket by the clean-up, and a store that cannot be reached is a typed 503 with nothing half-stored.
/// </summary>
public class S3MediaStoreTests(S3ApiFixture api) : IClassFixture<S3ApiFixture>
{
    readonly MediaClient media = new(api);
    readonly Lifecycle life = new(api);

    async Task<byte[]?> InBucket(string id, string variant)
    {
        using var s3 = api.S3.Client();
        try
        {
            using var o = await s3.GetObjectAsync(S3ApiFixture.Bucket, $"media/{id}/{variant}.jpg");
            using var buffer = new MemoryStream();
            await o.ResponseStream.CopyToAsync(buffer);
            return buffer.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound) { return null; }
    }

    async Task<string> SubmitAndVerify(string photo)
    {
        var r = await api.Client().Send("""
            mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode } }
            """, new
        {
            input = new
            {
                kind = "FIELD_REPORT", category = "urban_infrastructure", description = "Ổ gà lớn giữa đường", ward = "Thuận Hóa",
                location = new { latitude = 16.466, longitude = 107.596 }, mediaRefs = new[] { photo },
            },
        });
        var code = r.Ok()["submitCase"]!["trackingCode"]!.GetValue<string>();
        await life.Ok(api.OperatorKey, "verifyCase", code);
        await api.Projected();
        return code;
    }

    [Fact]
    public async Task An_upload_is_stored_in_the_bucket_stripped_and_served_from_it_with_the_public_caching_rules()
    {
        var id = await media.UploadOk(TestImages.PhoneJpeg(1200, 900), "IMG_0002.JPG");

        var full = await InBucket(id, "full");
        var thumb = await InBucket(id, "thumb");
        Assert.NotNull(full);
        Assert.NotNull(thumb);
        using (var stored = new MagickImage(full))
        {
            Assert.Equal(MagickFormat.Jpeg, stored.Format);
            Assert.Equal((1200u, 900u), (stored.Width, stored.Height));
            Assert.Null(stored.GetExifProfile());
            Assert.Empty(stored.ProfileNames);
        }
        // The catalogue row is in PostgreSQL, the bytes only in the bucket.
        Assert.Equal(1, await api.Database.ScalarAsync<long>("select count(*) from cases.media where id = $1::uuid", id));
        Assert.Equal(0, await api.Database.ScalarAsync<long>("select count(*) from cases.media_blobs where media_id = $1::uuid", id));
        // Not public before the report is verified, whatever the bucket holds.
        Assert.Equal(404, (int)(await media.Get($"/media/{id}")).StatusCode);

        await SubmitAndVerify(id);
        using var photo = await media.Get($"/media/{id}");
        Assert.Equal(200, (int)photo.StatusCode);
        Assert.True(photo.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(365), photo.Headers.CacheControl.MaxAge);
        Assert.Contains("immutable", photo.Headers.CacheControl.ToString());
        Assert.Equal(full, await photo.Content.ReadAsByteArrayAsync());
        using var small = await media.Get($"/media/{id}/thumbnail");
        Assert.Equal(thumb, await small.Content.ReadAsByteArrayAsync());

        // A browser that has it asks again with its ETag and is told it has not changed.
        using var http = api.App.CreateClient();
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/media/{id}");
        again.Headers.TryAddWithoutValidation("If-None-Match", photo.Headers.ETag!.ToString());
        Assert.Equal(304, (int)(await http.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task The_clean_up_removes_unreferenced_uploads_from_the_bucket_and_keeps_the_others()
    {
        var stale = await media.UploadOk(TestImages.Png(64, 64));
        var fresh = await media.UploadOk(TestImages.Png(64, 64));
        var attached = await media.UploadOk(TestImages.Png(64, 64));
        await SubmitAndVerify(attached);
        await api.Database.ExecAsync("update cases.media set created_at = created_at - interval '2 days' where id = any($1::uuid[])", (object)new[] { stale, attached });

        await api.App.Services.GetRequiredService<MediaCatalog>().RemoveUnattachedAsync(default);

        Assert.Null(await InBucket(stale, "full"));
        Assert.Null(await InBucket(stale, "thumb"));
        Assert.Equal(0, await api.Database.ScalarAsync<long>("select count(*) from cases.media where id = $1::uuid", stale));
        Assert.NotNull(await InBucket(fresh, "full"));
        Assert.NotNull(await InBucket(attached, "full"));
        Assert.Equal(200, (int)(await media.Get($"/media/{attached}")).StatusCode);
    }

    [Fact]
    public async Task An_unreachable_store_is_a_typed_503_and_nothing_is_half_stored()
    {
        // A photo the public may see, stored while the store was up.
        var shown = await media.UploadOk(TestImages.PhoneJpeg(320, 240));
        await SubmitAndVerify(shown);

        // A second node of the same deployment whose S3 endpoint refuses every connection.
        await using var down = await CasesAppFactory.StartAsync(api.Database.ConnectionString, b =>
        {
            S3ApiFixture.UseS3(b, $"http://127.0.0.1:{S3Emulator.ClosedPort()}", S3ApiFixture.Bucket);
            b.UseSetting("Media:S3:Retries", "0");
            b.UseSetting("Media:S3:TimeoutSeconds", "5");
        });
        var rows = await api.Database.ScalarAsync<long>("select count(*) from cases.media");
        using var http = down.CreateClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.PhoneJpeg(640, 480)), "file", "IMG_0003.JPG" } };
        using var upload = await http.PostAsync("/media", form);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await upload.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(503, (int)upload.StatusCode);
        Assert.Equal(MediaError.StoreUnavailable, MediaClient.Code(body));
        Assert.NotNull(upload.Headers.RetryAfter);
        Assert.Equal(rows, await api.Database.ScalarAsync<long>("select count(*) from cases.media"));

        using var read = await http.GetAsync($"/media/{shown}");
        Assert.Equal(503, (int)read.StatusCode);
        Assert.Equal(MediaError.StoreUnavailable, MediaClient.Code(System.Text.Json.Nodes.JsonNode.Parse(await read.Content.ReadAsStringAsync())!.AsObject()));
        Assert.Contains("no-store", read.Headers.CacheControl!.ToString());
    }
}
