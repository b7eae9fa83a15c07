using Cases.GraphQL.Media;
using Cases.GraphQL.Tests.Api;
using System.Text;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.GraphQL.Tests.Media;

/// <summary>POST /media on the real pipeline: what is accepted, what is stored, and every refusal typed with nothing stored.</summary>
public class MediaUploadTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    readonly MediaClient media = new(api);

    Task<long> Stored() => api.Database.ScalarAsync<long>("select count(*) from cases.media");
    Task<long> StoredBlobs() => api.Database.ScalarAsync<long>("select count(*) from cases.media_blobs");

    [Fact]
    public async Task A_phone_photo_is_stored_as_a_jpeg_without_its_gps_position_camera_or_any_other_metadata()
    {
        var original = TestImages.PhoneJpeg();
        using (var before = new MagickImage(original))
        {
            // The test image really carries what a phone writes.
            Assert.NotNull(before.GetExifProfile()!.GetValue(ExifTag.GPSLatitude));
            Assert.NotNull(before.GetXmpProfile());
        }

        var id = await media.UploadOk(original, "IMG_0001.JPG");
        var stored = await api.Database.ScalarAsync<byte[]>("select content from cases.media_blobs where media_id = $1::uuid and variant = 'full'", id);
        var thumb = await api.Database.ScalarAsync<byte[]>("select content from cases.media_blobs where media_id = $1::uuid and variant = 'thumb'", id);
        foreach (var bytes in new[] { stored!, thumb! })
        {
            using var image = new MagickImage(bytes);
            Assert.Equal(MagickFormat.Jpeg, image.Format);
            Assert.Null(image.GetExifProfile());
            Assert.Null(image.GetXmpProfile());
            Assert.Null(image.GetIptcProfile());
            Assert.Empty(image.ProfileNames);
            Assert.Null(image.Comment);
            var text = System.Text.Encoding.Latin1.GetString(bytes);
            Assert.DoesNotContain(TestImages.Camera, text);
            Assert.DoesNotContain(TestImages.Serial, text);
            Assert.DoesNotContain("GPS", text);
        }
        using var full = new MagickImage(stored!);
        using var small = new MagickImage(thumb!);
        Assert.Equal((1600u, 1200u), (full.Width, full.Height));
        Assert.True(small.Width <= 320 && small.Height <= 320, $"thumbnail {small.Width}x{small.Height}");
    }

    [Fact]
    public async Task An_iphone_heic_photo_is_decoded_stripped_of_its_gps_position_and_stored_as_jpeg()
    {
        var heic = TestImages.PhoneHeic(1200, 900);
        Assert.Equal("ftypheic", Encoding.ASCII.GetString(heic, 4, 8));
        using (var before = new MagickImage(heic))
        {
            Assert.Equal(MagickFormat.Heic, before.Format);
            Assert.NotNull(before.GetExifProfile()!.GetValue(ExifTag.GPSLatitude));
            Assert.Equal(TestImages.Camera, before.GetExifProfile()!.GetValue(ExifTag.Make)!.Value);
        }

        var (status, body) = await media.Upload(heic, "IMG_0042.HEIC", "image/heic");
        Assert.True(status == 201, $"{status} {body}");
        var stored = await api.Database.ScalarAsync<byte[]>("select content from cases.media_blobs where media_id = $1::uuid and variant = 'full'", body["id"]!.GetValue<string>());
        using var image = new MagickImage(stored!);
        Assert.Equal(MagickFormat.Jpeg, image.Format);
        Assert.Equal((1200u, 900u), (image.Width, image.Height));
        Assert.Null(image.GetExifProfile());
        Assert.Empty(image.ProfileNames);
        var text = Encoding.Latin1.GetString(stored!);
        Assert.DoesNotContain(TestImages.Camera, text);
        Assert.DoesNotContain(TestImages.Serial, text);
        // The picture itself survived: the gradient's top is the test colour (#3a7), not grey or black.
        var top = image.GetPixels().GetPixel(600, 2).ToColor()!;
        Assert.True(top.G > top.R + 60 && top.G > top.B, $"top pixel {top}");
    }

    [Fact]
    public async Task Png_and_webp_are_accepted_and_re_encoded_to_jpeg_and_a_large_photo_is_scaled_down()
    {
        foreach (var (bytes, name) in new[] { (TestImages.Png(), "a.png"), (TestImages.WebP(), "b.webp"), (TestImages.PhoneJpeg(3000, 2000), "big.jpg") })
        {
            var (status, body) = await media.Upload(bytes, name, "application/octet-stream");
            Assert.Equal(201, status);
            var stored = await api.Database.ScalarAsync<byte[]>("select content from cases.media_blobs where media_id = $1::uuid and variant = 'full'", body["id"]!.GetValue<string>());
            using var image = new MagickImage(stored!);
            Assert.Equal(MagickFormat.Jpeg, image.Format);
            Assert.True(Math.Max(image.Width, image.Height) <= 2048);
        }
    }

    public static TheoryData<string, byte[], string, string, int, string> NotPhotos() => new()
    {
        { "a PDF renamed to .jpg", TestImages.RenamedPdf, "receipt.jpg", "image/jpeg", 415, MediaError.UnsupportedType },
        { "a zip", TestImages.Zip(), "photos.jpg", "image/jpeg", 415, MediaError.UnsupportedType },
        { "an SVG with a script", TestImages.SvgWithScript, "map.svg", "image/svg+xml", 415, MediaError.UnsupportedType },
        { "a JPEG signature on garbage", TestImages.BrokenJpeg(), "broken.jpg", "image/jpeg", 422, MediaError.Unreadable },
        { "a PNG declaring 90 megapixels", TestImages.PngBomb(10_000, 9_000), "bomb.png", "image/png", 422, MediaError.TooManyPixels },
        { "a PNG declaring 60,000 px a side", TestImages.PngBomb(60_000, 100), "strip.png", "image/png", 422, MediaError.TooManyPixels },
        { "an empty file", [], "empty.jpg", "image/jpeg", 400, MediaError.Missing },
    };

    [Theory]
    [MemberData(nameof(NotPhotos))]
    public async Task A_file_that_is_not_a_photo_it_may_store_is_refused_with_a_typed_error_and_nothing_stored(
        string what, byte[] bytes, string name, string type, int status, string code)
    {
        var (before, blobs) = (await Stored(), await StoredBlobs());
        var (answered, body) = await media.Upload(bytes, name, type);
        Assert.True(answered == status, $"{what}: {answered} {body}");
        Assert.Equal(code, MediaClient.Code(body));
        Assert.Equal((before, blobs), (await Stored(), await StoredBlobs()));
    }

    [Fact]
    public async Task A_file_over_ten_megabytes_is_refused_before_it_is_decoded()
    {
        var before = await Stored();
        byte[] big = [0xFF, 0xD8, 0xFF, .. new byte[10 * 1024 * 1024]];
        var (status, body) = await media.Upload(big);
        Assert.Equal(413, status);
        Assert.Equal(MediaError.TooLarge, MediaClient.Code(body));
        Assert.Equal(before, await Stored());
    }

    [Fact]
    public async Task An_upload_without_a_file_field_says_how_to_send_one()
    {
        using var http = api.App.CreateClient();
        using var response = await http.PostAsync("/media", new ByteArrayContent(TestImages.Png()));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(MediaError.Missing, MediaClient.Code(System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject()));
    }

    [Fact]
    public async Task Uploads_no_case_took_within_a_day_are_removed_and_attached_ones_stay()
    {
        var stale = await media.UploadOk(TestImages.Png(64, 64));
        var fresh = await media.UploadOk(TestImages.Png(64, 64));
        var attached = await media.UploadOk(TestImages.Png(64, 64));
        await api.Database.ExecAsync("update cases.media set created_at = created_at - interval '2 days' where id = any($1::uuid[])", (object)new[] { stale, attached });
        await api.Database.ExecAsync("update cases.media set case_id = gen_random_uuid() where id = $1::uuid", attached);

        await api.App.Services.GetRequiredService<MediaCatalog>().RemoveUnattachedAsync(default);

        string[] left = (await api.Database.ScalarAsync<string[]>(
            "select coalesce(array_agg(distinct media_id::text), '{}') from cases.media_blobs where media_id = any($1::uuid[])", (object)new[] { stale, fresh, attached }))!;
        Assert.Equal(new[] { fresh, attached }.Order(), left.Order());
        Assert.Equal(0, await api.Database.ScalarAsync<long>("select count(*) from cases.media where id = $1::uuid", stale));
    }
}
