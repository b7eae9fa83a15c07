using System.Diagnostics;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cases.GraphQL.Engine.Http;

/// <summary>
/// What one endpoint's transports (HTTP, and the live WebSocket and SSE ones) share: the limits in force, a document
/// prepared once for all of them (length, parse, validation, cached by text), and a result finished the same way
/// (unexpected errors masked and logged with a trace id, request errors given their code).
/// </summary>
internal sealed class EndpointCore
{
    private readonly DocumentCache _cache;
    private readonly bool _maskErrors;

    public EndpointCore(Schema schema, GraphQLHttpOptions options, ILogger logger, bool isDevelopment)
    {
        var schemaErrors = schema.Validate();
        if (schemaErrors.Count > 0)
            throw new InvalidOperationException("The schema is invalid:\n" + string.Join("\n", schemaErrors.Select(e => e.Message)));
        Schema = schema;
        Options = options;
        Logger = logger;
        Limits = options.ValidationLimits with { AllowIntrospection = options.EnableIntrospection && options.ValidationLimits.AllowIntrospection };
        _cache = new DocumentCache(options.DocumentCacheSize);
        _maskErrors = options.MaskErrors ?? !isDevelopment;
    }

    public Schema Schema { get; }
    public GraphQLHttpOptions Options { get; }
    public ValidationLimits Limits { get; }
    public ILogger Logger { get; }

    /// <summary>
    /// The document text: the query, or the persisted document named by id (checked against each other when both
    /// are sent), for every transport alike. An unknown id, or a non-persisted document where only those are allowed,
    /// is a request error; a request that names no document, or an id that is not its query's, is malformed
    /// (<see cref="GraphQLHttpException"/>, 400).
    /// </summary>
    public (string Text, GraphQLError? Refused) DocumentText(GraphQLRequest request)
    {
        var store = Options.PersistedDocuments;
        if (request.PersistedId is { } id)
        {
            if (request.Query is not null)
            {
                if (PersistedDocumentStore.Normalize(id) != PersistedDocumentStore.Sha256Hex(request.Query))
                    throw new GraphQLHttpException(StatusCodes.Status400BadRequest, "The document id is not the SHA-256 of the query.", "PERSISTED_QUERY_HASH_MISMATCH");
            }
            else if (store is not null && store.TryGet(id, out var text))
            {
                return (text, null);
            }
            else
            {
                return ("", new GraphQLError("Persisted document not found.", Extensions: Code("PERSISTED_QUERY_NOT_FOUND")));
            }
        }
        if (request.Query is null)
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, "The request has no \"query\" parameter (or \"documentId\").", "MISSING_QUERY");
        if (Options.OnlyPersistedDocuments && store?.Contains(request.Query) != true)
            return ("", new GraphQLError("This endpoint accepts only persisted documents.", Extensions: Code("PERSISTED_QUERY_REQUIRED")));
        return (request.Query, null);
    }

    /// <summary>The document of this text, or the request errors that refuse it; both outcomes cached.</summary>
    public PreparedDocument Prepare(string query) => _cache.GetOrAdd(query, PrepareText);

    private PreparedDocument PrepareText(string query)
    {
        if (DocumentValidator.CheckLength(query, Limits) is { } tooLong) return new PreparedDocument(null, [tooLong]);
        DocumentNode document;
        try
        {
            document = Parser.Parse(query, Options.ParseOptions);
        }
        catch (GraphQLSyntaxException e)
        {
            return new PreparedDocument(null, [WithCode(e.Error, "GRAPHQL_PARSE_FAILED")]);
        }
        var errors = DocumentValidator.Validate(Schema, document, Limits);
        return new PreparedDocument(errors.Count == 0 ? document : null, errors.Select(e => WithCode(e, "GRAPHQL_VALIDATION_FAILED")).ToList());
    }

    /// <summary>
    /// An executed result as it is sent: unexpected exceptions replaced by "Unexpected error." (GraphQL exceptions
    /// keep their message and code), and the executor's own request errors given a code, their message kept.
    /// </summary>
    public ExecutionResult Finish(ExecutionResult result, HttpContext http) => Finish(result, () => TraceId(http));

    /// <param name="traceId">The trace id to give an unexpected error (asked only when there is one).</param>
    public ExecutionResult Finish(ExecutionResult result, Func<string> traceId)
    {
        if (_maskErrors) result = Mask(result, traceId);
        if (Options.CodeRequestErrors && result.RequestErrorKind is { } refusal)
        {
            var code = refusal == RequestErrorKind.InvalidVariables ? "BAD_USER_INPUT" : "OPERATION_RESOLUTION_FAILURE";
            result = ExecutionResult.RequestError(result.Errors!.Select(e => WithCode(e, code)).ToList(), refusal);
        }
        return result;
    }

    private ExecutionResult Mask(ExecutionResult result, Func<string> trace)
    {
        if (result.Errors is null || result.Errors.All(e => e.OriginalException is null or GraphQLException)) return result;
        var traceId = trace();
        var errors = result.Errors.Select(e =>
        {
            if (e.OriginalException is null or GraphQLException) return e;
            Logger.LogError(e.OriginalException, "Resolver failed at {Path}; trace id {TraceId}", string.Join('.', e.Path ?? []), traceId);
            return Unexpected(traceId, e.Path) with { Locations = e.Locations };
        }).ToList();
        return new ExecutionResult(result.Data, errors, result.DataPresent) { Extensions = result.Extensions, RequestErrorKind = result.RequestErrorKind };
    }

    /// <summary>
    /// Request errors carry a machine-readable <c>extensions.code</c> too (the names Apollo and Hot Chocolate
    /// clients know), when <see cref="GraphQLHttpOptions.CodeRequestErrors"/>, so a client can tell a malformed
    /// document from a refused one without reading the message. An error's own code stays.
    /// </summary>
    public GraphQLError WithCode(GraphQLError e, string code) =>
        !Options.CodeRequestErrors || e.Extensions?.ContainsKey("code") == true ? e
        : e with { Extensions = new Dictionary<string, object?>(e.Extensions ?? new Dictionary<string, object?>()) { ["code"] = code } };

    /// <summary>A fault of ours, not of the request: no details, a trace id to find them in the log.</summary>
    public static GraphQLError Unexpected(string traceId, IReadOnlyList<object>? path = null) =>
        new("Unexpected error.", Path: path, Extensions: new Dictionary<string, object?> { ["code"] = "INTERNAL_ERROR", ["traceId"] = traceId });

    public static string TraceId(HttpContext http) => Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;

    public static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };
}
