using Cases.GraphQL.Seeding;
using Cases.GraphQL.Tests.Api;
using ImageMagick;

namespace Cases.GraphQL.Tests.Seeding;

/// <summary>The demo data's photos: a few reports carry real ones, which the public sees once the report is verified.</summary>
public class DemoPhotosTests(SeededApiFixture seeded) : IClassFixture<SeededApiFixture>
{
    [Fact]
    public async Task A_few_demo_reports_have_photos_stored_through_the_media_store_and_served_on_their_public_pages()
    {
        var db = seeded.Database;
        var uploads = await db.ScalarAsync<long>("select count(*) from cases.media");
        Assert.InRange(uploads, 1, DemoPhotos.MaxCases * 5);
        // Each belongs to its case, so the hourly clean-up never takes one.
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from cases.media where case_id is null"));
        Assert.Equal(uploads * 2, await db.ScalarAsync<long>("select count(*) from cases.media_blobs"));

        var codes = await db.ScalarAsync<string[]>("select array_agg(tracking_code order by tracking_code) from projections.public_cases where cardinality(photos) > 0 and latitude is not null");
        Assert.True(codes is { Length: > 0 }, "no public demo case shows a photo");

        using var http = seeded.App.CreateClient();
        foreach (var code in codes!.Take(3))
        {
            var c = (await seeded.Client().Send("query($code: String!) { case(trackingCode: $code) { photos { url thumbnailUrl } location { latitude } } }",
                new { code })).Ok()["case"]!;
            Assert.NotNull(c["location"]);
            foreach (var photo in c["photos"]!.AsArray())
            {
                using var response = await http.GetAsync(photo!["url"]!.GetValue<string>());
                Assert.Equal(200, (int)response.StatusCode);
                Assert.True(response.Headers.CacheControl!.Public);
                using var image = new MagickImage(await response.Content.ReadAsByteArrayAsync());
                Assert.Equal(MagickFormat.Jpeg, image.Format);
                Assert.Equal(((uint)DemoPhotos.Width, (uint)DemoPhotos.Height), (image.Width, image.Height));
                Assert.Equal(200, (int)(await http.GetAsync(photo["thumbnailUrl"]!.GetValue<string>())).StatusCode);
            }
        }
    }

    [Fact]
    public void The_same_case_gets_the_same_picture_and_another_case_another()
    {
        Assert.Equal(DemoPhotos.Render("urban_infrastructure", 250), DemoPhotos.Render("urban_infrastructure", 250));
        Assert.NotEqual(DemoPhotos.Render("urban_infrastructure", 250), DemoPhotos.Render("urban_infrastructure", 251));
    }
}
