using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Validation;
using Microsoft.AspNetCore.Http;

namespace Cases.GraphQL.Engine.Http;

/// <summary>
/// How one GraphQL endpoint behaves over HTTP (GraphQL over HTTP draft). Every member has a safe default, so
/// <c>new GraphQLHttpOptions()</c> is a production endpoint: errors masked outside Development, 1 MiB bodies,
/// introspection on, any document accepted.
/// </summary>
public sealed partial record GraphQLHttpOptions
{
    /// <summary>The largest request body accepted; larger bodies get 413. Also bounds a GET's query string.</summary>
    public long MaxRequestBytes { get; init; } = 1024 * 1024;

    /// <summary>False refuses <c>__schema</c> and <c>__type</c> (a validation error, as graphql-js NoSchemaIntrospectionCustomRule); <c>__typename</c> always works.</summary>
    public bool EnableIntrospection { get; init; } = true;

    /// <summary>
    /// Whether unexpected exceptions from resolvers are replaced by "Unexpected error." with
    /// <c>extensions.code</c> INTERNAL_ERROR and a trace id (and logged with their stack trace). A
    /// <see cref="Errors.GraphQLException"/> is deliberate, so it keeps its message and extensions, as do the engine's
    /// own errors (a null in a non-null field, a value a scalar cannot serialise). Null (the default) masks everywhere
    /// except in the Development environment.
    /// </summary>
    public bool? MaskErrors { get; init; }

    /// <summary>
    /// Makes the per-request context object resolvers see (the host puts the authenticated actor there). Called
    /// once per request, after the document is valid. Throw <see cref="GraphQLHttpException"/> to refuse the request
    /// with a status of your choice (401 for unknown credentials, 403 for a forbidden caller).
    /// </summary>
    public Func<HttpContext, ValueTask<object?>>? ContextFactory { get; init; }

    /// <summary>
    /// The schema introspection shows a request, given it and its context (see <see cref="Types.SchemaView"/>); null,
    /// or a null answer, shows the whole schema. Execution always runs on the whole schema.
    /// </summary>
    public Func<HttpContext, object?, Types.Schema?>? IntrospectedSchema { get; init; }

    /// <summary>The root value given to root resolvers.</summary>
    public object? RootValue { get; init; }

    /// <summary>Documents that may be sent by id (<c>documentId</c> or <c>extensions.persistedQuery.sha256Hash</c>).</summary>
    public PersistedDocumentStore? PersistedDocuments { get; init; }

    /// <summary>
    /// True accepts only documents of <see cref="PersistedDocuments"/> (by id, or by their exact text): a trusted
    /// documents deployment, where no client can send a document the server's owners have not seen.
    /// </summary>
    public bool OnlyPersistedDocuments { get; init; }

    /// <summary>How many parsed and validated documents are kept, keyed by the SHA-256 of their text.</summary>
    public int DocumentCacheSize { get; init; } = 1000;

    /// <summary>
    /// Operational validation limits (depth, cost, aliases, document length). None by default: the host sets
    /// them for its schema. <see cref="EnableIntrospection"/> overrides <see cref="ValidationLimits.AllowIntrospection"/>.
    /// </summary>
    public ValidationLimits ValidationLimits { get; init; } = new();

    /// <summary>Parser limits (nesting depth, token count).</summary>
    public ParseOptions ParseOptions { get; init; } = new() { MaxTokens = 100_000 };

    /// <summary>
    /// True gives request errors an <c>extensions.code</c>, so clients can branch on a code for every error:
    /// GRAPHQL_PARSE_FAILED (syntax), GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT (variables that cannot be coerced:
    /// a wrong type, a missing or null non-null variable, an unknown enum value, a value a scalar refuses) and
    /// OPERATION_RESOLUTION_FAILURE (no operation of that name, or several and no name). Messages and locations stay
    /// graphql-js's. Off by default: graphql-js adds none, and the conformance tests compare with it exactly.
    /// </summary>
    public bool CodeRequestErrors { get; init; }

    /// <summary>False refuses GET (405); GET never runs mutations either way.</summary>
    public bool AllowGet { get; init; } = true;

    /// <summary>
    /// How long shared caches may keep a successful query sent with GET by a caller without an Authorization header:
    /// such a response says <c>Cache-Control: public, max-age=N</c> (and <c>Vary: Accept, Authorization</c>). Every
    /// other response (POST, mutations, any error, any request with credentials) says <c>no-store</c>, as do all of
    /// them when this is null (the default) or zero. Keep it short: cached answers are that much older than the data.
    /// </summary>
    public TimeSpan? PublicCacheMaxAge { get; init; }
}
