using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cases.Access;
using Cases.GraphQL.Host;
using ImageMagick;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;
using NodaTime;

namespace Cases.Benchmarks;

/// <summary>
/// Photos (issue 14): uploads per second of a ~4 MB phone photo through POST /media (signature and pixel checks,
/// metadata stripped, re-encoded, thumbnail, stored in PostgreSQL), and reads per second of the public photo at
/// /media/{id} beside the same bytes as a static file from the same host, in the same run.
/// </summary>
public static class MediaBenchmark
{
    public static async Task RunAsync(BenchReport report)
    {
        var seconds = double.Parse(Environment.GetEnvironmentVariable("CASES_BENCH_SECONDS") ?? "10");
        var db = await SeededDatabase.CreateAsync(20);
        var staticDir = Directory.CreateTempSubdirectory("cases-bench-static");
        try
        {
            var app = CasesApp.Build(["--urls", "http://127.0.0.1:0", $"--ConnectionStrings:Cases={db.ConnectionString}", "--Submissions:PerMinute=10000000", "--Media:UploadsPerMinute=10000000"]);
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(staticDir.FullName), RequestPath = "/bench-static" });
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            var photo = PhonePhoto();

            // Two clients: the machine has two cores, and decoding is CPU-bound.
            var uploads = await Load(seconds, 2, async () => await Upload(http, photo));
            var id = await Upload(http, photo);

            // Make it public: a report that names it, verified.
            var key = (await new ApiKeys(db.DataSource, SystemClock.Instance).CreateAsync(Domain.Role.Operator, null, "bench")).Key;
            var code = (await Gql(http, null, $$"""mutation { submitCase(input: { kind: FIELD_REPORT, category: "urban_infrastructure", description: "bench", ward: "Thuận Hóa", location: { latitude: 16.4668, longitude: 107.5947 }, mediaRefs: ["{{id}}"] }) { trackingCode } }""")).GetProperty("submitCase").GetProperty("trackingCode").GetString();
            await Gql(http, key, $$"""mutation { verifyCase(input: { trackingCode: "{{code}}" }) { case { version } } }""");
            await db.WaitCaughtUpAsync();
            var served = await http.GetByteArrayAsync($"/media/{id}");
            await File.WriteAllBytesAsync(Path.Combine(staticDir.FullName, "photo.jpg"), served);
            if (!(await http.GetByteArrayAsync("/bench-static/photo.jpg")).SequenceEqual(served)) throw new InvalidOperationException("static copy differs");

            var media = await Load(seconds, 8, async () => (await http.GetByteArrayAsync($"/media/{id}")).Length);
            var plain = await Load(seconds, 8, async () => (await http.GetByteArrayAsync("/bench-static/photo.jpg")).Length);
            report.Table($"media: a {photo.Length / 1e6:F1} MB phone photo (4032 x 3024, EXIF with GPS)",
                ["what", "per second", "p50 / p99 ms", "baseline", "ratio"],
                [
                    ["POST /media (strip, re-encode, thumbnail, store), 2 clients", $"{uploads.Rps:F1}", $"{uploads.P50:F0} / {uploads.P99:F0}", "-", "-"],
                    [$"GET /media/{{id}} ({served.Length / 1e3:F0} kB stored JPEG), 8 clients", $"{media.Rps:F0}", $"{media.P50:F1} / {media.P99:F1}",
                        $"static file, same bytes: {plain.Rps:F0}/s ({plain.P50:F1} / {plain.P99:F1} ms)", $"{media.Rps / plain.Rps:F2}"],
                ]);
            await app.StopAsync();
        }
        finally
        {
            staticDir.Delete(recursive: true);
            await db.DisposeAsync();
        }
    }

    /// <summary>A 12-megapixel photo with a phone's EXIF, about 4 MB as a JPEG (plasma and noise, so it compresses like a photo).</summary>
    static byte[] PhonePhoto()
    {
        using var image = new MagickImage("plasma:", 4032, 3024);
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(16, 1), new Rational(27, 1), new Rational(4917, 100)]);
        exif.SetValue(ExifTag.Make, "BenchPhone");
        image.SetProfile(exif);
        image.AddNoise(NoiseType.Gaussian, 0.4);
        image.Format = MagickFormat.Jpeg;
        // The quality that brings it to about 4 MB, as a phone writes a 12-megapixel photo.
        for (var quality = 92u; ; quality -= 4)
        {
            image.Quality = quality;
            var bytes = image.ToByteArray();
            if (bytes.Length <= 4_300_000 || quality <= 40) return bytes;
        }
    }

    static async Task<string> Upload(HttpClient http, byte[] photo)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "IMG_0001.JPG");
        using var response = await http.PostAsync("/media", form);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        if ((int)response.StatusCode != 201) throw new InvalidOperationException($"upload failed: {body}");
        return body.GetProperty("id").GetString()!;
    }

    static async Task<System.Text.Json.JsonElement> Gql(HttpClient http, string? key, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        if (body.TryGetProperty("errors", out var errors)) throw new InvalidOperationException(errors.ToString());
        return body.GetProperty("data");
    }

    static Task<LoadRun> Load<T>(double seconds, int clients, Func<Task<T>> request) => LoadRun.MeasureAsync(seconds, clients, request);
}
