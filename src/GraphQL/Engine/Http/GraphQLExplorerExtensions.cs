using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Cases.GraphQL.Engine.Http;

/// <summary>
/// The explorer (GraphiQL) for browsers at the endpoint's own address: a GET or HEAD of <c>path</c> whose Accept
/// names <c>text/html</c> and that carries no GraphQL parameters gets the explorer's page; everything else goes on to
/// the GraphQL endpoint. The page is a file the host's front-end build writes (bundled from npm, no CDN); when it is
/// missing the request goes on too (and gets the endpoint's 406), so the API never depends on the explorer.
/// </summary>
public static class GraphQLExplorerExtensions
{
    public static IApplicationBuilder UseGraphQLExplorer(this IApplicationBuilder app, PathString path, string pageFile) =>
        app.Use(async (http, next) =>
        {
            if (!IsExplorerRequest(http, path) || !File.Exists(pageFile))
            {
                await next(http);
                return;
            }
            http.Response.ContentType = "text/html; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache";
            // The same address answers JSON to API clients: caches must key on Accept.
            http.Response.Headers.Vary = "Accept";
            if (HttpMethods.IsHead(http.Request.Method)) return;
            await http.Response.SendFileAsync(pageFile, http.RequestAborted);
        });

    /// <summary>A browser navigating to the endpoint: it asks for HTML (with a non-zero quality) and sends no GraphQL request.</summary>
    public static bool IsExplorerRequest(HttpContext http, PathString path)
    {
        var request = http.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !request.Path.Equals(path)) return false;
        if (request.Query.ContainsKey("query") || request.Query.ContainsKey("documentId") || request.Query.ContainsKey("extensions")) return false;
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)) return false;
        return accepted.Any(m => m.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && m.Quality is not 0);
    }
}
