using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Cases.GraphQL.Tests.Api;

namespace Cases.GraphQL.Tests.Media;

/// <summary>Uploads and reads photos over HTTP, as the site's form and an img tag do.</summary>
public sealed class MediaClient(ApiFixture api)
{
    public async Task<(int Status, JsonObject Body)> Upload(byte[] bytes, string fileName = "photo.jpg", string contentType = "image/jpeg")
    {
        using var http = api.App.CreateClient();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        using var response = await http.PostAsync("/media", form);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public async Task<string> UploadOk(byte[] bytes, string fileName = "photo.jpg")
    {
        var (status, body) = await Upload(bytes, fileName);
        Assert.True(status == 201, $"upload answered {status}: {body}");
        return body["id"]!.GetValue<string>();
    }

    public async Task<HttpResponseMessage> Get(string url, string? key = null)
    {
        using var http = api.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.SendAsync(request);
    }

    public static string Code(JsonObject body) => body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();
}
