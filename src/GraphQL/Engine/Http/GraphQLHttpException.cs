namespace Cases.GraphQL.Engine.Http;

/// <summary>
/// A request refused before execution, with the HTTP status to answer: malformed JSON, a missing query, an
/// unsupported media type (thrown by the HTTP layer), or a caller the host will not serve (thrown by
/// <see cref="GraphQLHttpOptions.ContextFactory"/>, e.g. 401 for an unknown API key, draft 7.1.2). The response is
/// still a GraphQL response: one error with this message and its <c>extensions.code</c> (given, or named after the
/// status: BAD_REQUEST, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, REQUEST_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE), so a client
/// branches on a code for every refusal, as it does for GraphQL errors.
/// </summary>
public sealed class GraphQLHttpException(int statusCode, string message, string? code = null) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The error's <c>extensions.code</c>.</summary>
    public string Code { get; } = code ?? statusCode switch
    {
        405 => "METHOD_NOT_ALLOWED",
        406 => "NOT_ACCEPTABLE",
        413 => "REQUEST_TOO_LARGE",
        415 => "UNSUPPORTED_MEDIA_TYPE",
        401 => "UNAUTHENTICATED",
        403 => "FORBIDDEN",
        _ => "BAD_REQUEST",
    };
}
