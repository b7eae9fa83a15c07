using Cases.GraphQL.Engine.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cases.GraphQL.Engine.Http;

/// <summary>Maps a GraphQL endpoint: <c>app.MapGraphQL("/graphql", schema, options)</c>.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves <paramref name="schema"/> at <paramref name="pattern"/> for every HTTP method (so that the endpoint,
    /// not routing, answers unsupported methods with 405 and an Allow header). The schema is validated here, at
    /// start-up: an invalid schema throws rather than serving errors.
    /// </summary>
    /// <param name="live">
    /// Also serves live operations at the same address (<see cref="Live.GraphQLLiveOptions"/>): WebSocket upgrades
    /// with graphql-transport-ws (the host calls <c>UseWebSockets</c>) and requests accepting <c>text/event-stream</c>.
    /// </param>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern, Schema schema,
        GraphQLHttpOptions? options = null, Live.GraphQLLiveOptions? live = null)
    {
        var services = endpoints.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Cases.GraphQL.Engine.Http");
        var isDevelopment = services.GetService<IWebHostEnvironment>()?.IsDevelopment() ?? false;
        // One core for every transport: a document prepared for one is prepared for all.
        var core = new EndpointCore(schema, options ?? new GraphQLHttpOptions(), logger, isDevelopment);
        var handler = new GraphQLHttpHandler(core);
        if (live is null) return endpoints.Map(pattern, handler.HandleAsync).WithDisplayName($"GraphQL {pattern}");
        var operations = new Live.LiveOperations(core, live);
        return endpoints.Map(pattern, http =>
            http.WebSockets.IsWebSocketRequest ? Live.GraphQLWebSocketSession.HandleAsync(http, operations)
            : Live.GraphQLSseHandler.Accepts(http.Request) ? Live.GraphQLSseHandler.HandleAsync(http, operations)
            : handler.HandleAsync(http)).WithDisplayName($"GraphQL {pattern}");
    }
}
