using System.Diagnostics;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cases.GraphQL.Engine.Http.Live;

/// <summary>
/// What both live transports share: a document prepared (length, parse, validation with the endpoint's limits,
/// cached by text) and run (a subscription as a stream, anything else as one result), errors masked as on the
/// HTTP endpoint, the connection's context, and the per-client subscription slots.
/// </summary>
internal sealed class LiveOperations
{
    private readonly Schema _schema;
    private readonly GraphQLHttpOptions _http;
    private readonly DocumentCache _cache;
    private readonly ValidationLimits _limits;
    private readonly bool _maskErrors;
    private readonly ILogger _logger;

    public LiveOperations(Schema schema, GraphQLHttpOptions http, GraphQLLiveOptions live, ILogger logger, bool isDevelopment)
    {
        _schema = schema;
        _http = http;
        Options = live;
        _cache = new DocumentCache(http.DocumentCacheSize);
        _limits = http.ValidationLimits with { AllowIntrospection = http.EnableIntrospection && http.ValidationLimits.AllowIntrospection };
        _maskErrors = http.MaskErrors ?? !isDevelopment;
        _logger = logger;
    }

    public GraphQLLiveOptions Options { get; }
    public ILogger Logger => _logger;
    public long MaxRequestBytes => _http.MaxRequestBytes;

    public ValueTask<object?> ContextAsync(HttpContext http, IReadOnlyDictionary<string, object?>? payload) =>
        Options.ConnectionContextFactory is { } make ? make(http, payload)
        : _http.ContextFactory is { } httpContext ? httpContext(http)
        : ValueTask.FromResult<object?>(null);

    public string ClientKey(HttpContext http, object? context) =>
        Options.ClientKey?.Invoke(http, context) ?? http.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>The request's document, or the request errors that refuse it (the graphql-ws server's <c>error</c> message).</summary>
    public (DocumentNode? Document, IReadOnlyList<GraphQLError> Errors) Prepare(GraphQLRequest request)
    {
        string? text = request.Query;
        if (text is null && request.PersistedId is { } id && _http.PersistedDocuments?.TryGet(id, out var stored) == true) text = stored;
        if (text is null)
            return (null, [new GraphQLError(request.PersistedId is null ? "The request has no \"query\"." : "Persisted document not found.",
                Extensions: Code(request.PersistedId is null ? "BAD_REQUEST" : "PERSISTED_QUERY_NOT_FOUND"))]);
        var prepared = _cache.GetOrAdd(text, PrepareText);
        return (prepared.Document, prepared.Errors);
    }

    private PreparedDocument PrepareText(string query)
    {
        if (DocumentValidator.CheckLength(query, _limits) is { } tooLong) return new PreparedDocument(null, [tooLong]);
        DocumentNode document;
        try
        {
            document = Parser.Parse(query, _http.ParseOptions);
        }
        catch (GraphQLSyntaxException e)
        {
            return new PreparedDocument(null, [WithCode(e.Error, "GRAPHQL_PARSE_FAILED")]);
        }
        var errors = DocumentValidator.Validate(_schema, document, _limits);
        return new PreparedDocument(errors.Count == 0 ? document : null, errors.Select(e => WithCode(e, "GRAPHQL_VALIDATION_FAILED")).ToList());
    }

    /// <summary>Runs a prepared document: a subscription's stream, or the one result of a query or mutation.</summary>
    public async Task<SubscriptionResult> RunAsync(HttpContext http, DocumentNode document, GraphQLRequest request, object? context, CancellationToken ct)
    {
        var execution = new ExecutionRequest(_schema, document, request.OperationName, request.Variables, _http.RootValue, context, http.RequestServices, ct)
        {
            HideSuggestions = _limits.HideSuggestions,
        };
        try
        {
            if (OperationKinds.GetOperationKind(document, request.OperationName) is OperationType.Subscription)
            {
                var subscription = await Executor.SubscribeAsync(execution);
                return subscription.Stream is { } stream ? new SubscriptionResult(null, Masked(stream, http)) : new SubscriptionResult(Finish(subscription.Result!, http), null);
            }
            return new SubscriptionResult(Finish(await Executor.ExecuteAsync(execution), http), null);
        }
        catch (GraphQLException e)
        {
            return new SubscriptionResult(new ExecutionResult(null, [e.Error]), null);
        }
    }

    private async IAsyncEnumerable<ExecutionResult> Masked(IAsyncEnumerable<ExecutionResult> stream, HttpContext http)
    {
        await foreach (var result in stream.ConfigureAwait(false)) yield return Finish(result, http);
    }

    private ExecutionResult Finish(ExecutionResult result, HttpContext http)
    {
        if (_maskErrors) result = Mask(result, http);
        if (_http.CodeRequestErrors && result.RequestErrorKind is { } refusal)
        {
            var code = refusal == RequestErrorKind.InvalidVariables ? "BAD_USER_INPUT" : "OPERATION_RESOLUTION_FAILURE";
            result = ExecutionResult.RequestError(result.Errors!.Select(e => WithCode(e, code)).ToList(), refusal);
        }
        return result;
    }

    /// <summary>As the HTTP endpoint: unexpected exceptions become "Unexpected error." with a trace id, logged with their stack.</summary>
    private ExecutionResult Mask(ExecutionResult result, HttpContext http)
    {
        if (result.Errors is null || result.Errors.All(e => e.OriginalException is null or GraphQLException)) return result;
        var traceId = TraceId(http);
        var errors = result.Errors.Select(e =>
        {
            if (e.OriginalException is null or GraphQLException) return e;
            _logger.LogError(e.OriginalException, "Resolver failed at {Path}; trace id {TraceId}", string.Join('.', e.Path ?? []), traceId);
            return Unexpected(traceId, e.Path) with { Locations = e.Locations };
        }).ToList();
        return new ExecutionResult(result.Data, errors, result.DataPresent) { Extensions = result.Extensions, RequestErrorKind = result.RequestErrorKind };
    }

    public static GraphQLError Unexpected(string traceId, IReadOnlyList<object>? path = null) =>
        new("Unexpected error.", Path: path, Extensions: new Dictionary<string, object?> { ["code"] = "INTERNAL_ERROR", ["traceId"] = traceId });

    public static string TraceId(HttpContext http) => Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;

    public static Dictionary<string, object?> Code(string code) => new() { ["code"] = code };

    public GraphQLError WithCode(GraphQLError e, string code) =>
        !_http.CodeRequestErrors || e.Extensions?.ContainsKey("code") == true ? e
        : e with { Extensions = new Dictionary<string, object?>(e.Extensions ?? new Dictionary<string, object?>()) { ["code"] = code } };

    /// <summary>The error refusing one subscription more than a bound allows.</summary>
    public static GraphQLError LimitError(string message) => new(message, Extensions: Code("SUBSCRIPTION_LIMIT"));
}
