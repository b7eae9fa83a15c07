using Cases.GraphQL.Engine.Validation;

namespace Cases.GraphQL.Engine.Http;

public sealed partial record GraphQLHttpOptions
{
    /// <summary>
    /// The options of an endpoint open to anyone: 256 KiB requests, <see cref="ValidationLimits.PublicEndpoint"/>,
    /// codes on every request error, queries by GET, and successful anonymous GET queries cacheable publicly for
    /// 30 s. A host adds its context factory and schema-specific settings with <c>with { ... }</c>; the conformance
    /// suite runs the graphql-http audit and the introspection checks against this same preset, so what the tools
    /// meet in production is what the suite proves.
    /// </summary>
    public static GraphQLHttpOptions PublicEndpoint { get; } = new()
    {
        MaxRequestBytes = 256 * 1024,
        CodeRequestErrors = true,
        AllowGet = true,
        PublicCacheMaxAge = TimeSpan.FromSeconds(30),
        ValidationLimits = ValidationLimits.PublicEndpoint,
    };
}
