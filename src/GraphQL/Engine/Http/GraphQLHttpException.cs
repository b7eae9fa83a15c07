namespace Cases.GraphQL.Engine.Http;

/// <summary>
/// A request refused before execution, with the HTTP status to answer: malformed JSON, a missing query, an
/// unsupported media type (thrown by the HTTP layer), or a caller the host will not serve (thrown by
/// <see cref="GraphQLHttpOptions.ContextFactory"/>, e.g. 401 for an unknown API key, draft 7.1.2). The response is
/// still a GraphQL response: one error with this message and, when given, <c>extensions.code</c>.
/// </summary>
public sealed class GraphQLHttpException(int statusCode, string message, string? code = null) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The error's <c>extensions.code</c>, when a client may want to branch on it.</summary>
    public string? Code { get; } = code;
}
