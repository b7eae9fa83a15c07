using Cases.GraphQL.Media;
using Cases.GraphQL.Tests.Api;
using Microsoft.AspNetCore.Hosting;

namespace Cases.GraphQL.Tests.Media;

/// <summary>The API with a low upload limit, as an operator would set <c>Media:UploadsPerMinute</c>.</summary>
public sealed class LimitedUploadsFixture : ApiFixture
{
    public const int PerMinute = 3;
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Media:UploadsPerMinute", PerMinute.ToString());
}

/// <summary>POST /media is limited per client, like submissions: a typed 429 that says when to come back.</summary>
public class UploadRateLimitTests(LimitedUploadsFixture api) : IClassFixture<LimitedUploadsFixture>
{
    readonly MediaClient media = new(api);

    [Fact]
    public async Task A_client_over_its_uploads_per_minute_is_refused_with_429_and_retry_after_and_nothing_is_stored()
    {
        for (var i = 0; i < LimitedUploadsFixture.PerMinute; i++) await media.UploadOk(TestImages.Png(32, 32));
        var stored = await api.Database.ScalarAsync<long>("select count(*) from cases.media");

        using var http = api.App.CreateClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png(32, 32)), "file", "one-more.png" } };
        using var refused = await http.PostAsync("/media", form);
        Assert.Equal(429, (int)refused.StatusCode);
        Assert.Equal(MediaError.RateLimited, MediaClient.Code(System.Text.Json.Nodes.JsonNode.Parse(await refused.Content.ReadAsStringAsync())!.AsObject()));
        var retry = refused.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(retry, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(stored, await api.Database.ScalarAsync<long>("select count(*) from cases.media"));

        // Submissions have their own allowance: the refused uploader may still report.
        var submitted = await api.Client().Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "urban_infrastructure", description: "Đèn hỏng", ward: "Phú Xuân",
              location: { latitude: 16.47, longitude: 107.58 } }) { trackingCode } }
            """);
        Assert.NotNull(submitted.Ok()["submitCase"]!["trackingCode"]);
    }
}
