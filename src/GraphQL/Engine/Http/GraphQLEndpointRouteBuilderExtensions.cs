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
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern, Schema schema, GraphQLHttpOptions? options = null)
    {
        var services = endpoints.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Cases.GraphQL.Engine.Http");
        var isDevelopment = services.GetService<IWebHostEnvironment>()?.IsDevelopment() ?? false;
        var handler = new GraphQLHttpHandler(schema, options ?? new GraphQLHttpOptions(), logger, isDevelopment);
        return endpoints.Map(pattern, handler.HandleAsync).WithDisplayName($"GraphQL {pattern}");
    }
}
