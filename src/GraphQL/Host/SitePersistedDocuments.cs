using Cases.GraphQL.Engine.Http;

namespace Cases.GraphQL.Host;

/// <summary>
/// The site's trusted documents: the manifest the build writes from wwwroot/operations.js
/// (frontend/persisted-documents.mjs), so the site sends ids by GET and a CDN can keep the public answers.
/// Arbitrary documents stay allowed for API users, within the endpoint's limits.
/// </summary>
public static class SitePersistedDocuments
{
    /// <summary><c>GraphQL:PersistedDocuments</c>, else wwwroot/build/persisted-documents.json.</summary>
    public static PersistedDocumentStore? Load(WebApplication app)
    {
        var path = app.Configuration["GraphQL:PersistedDocuments"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot"), "build", "persisted-documents.json");
        if (!File.Exists(path))
        {
            // Without it the site's requests are refused (PERSISTED_QUERY_NOT_FOUND); API users are not affected.
            app.Logger.LogWarning("No persisted documents at {Path}: build the host (dotnet build src/GraphQL) to write them", path);
            return null;
        }
        var manifest = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} is not a JSON object of id to document.");
        var store = PersistedDocumentStore.FromManifest(manifest);
        app.Logger.LogInformation("Loaded {Count} persisted documents from {Path}", store.Count, path);
        return store;
    }
}
