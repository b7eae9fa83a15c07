using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cases.GraphQL.Engine.Http.Live;

/// <summary>
/// What both live transports share: the endpoint's prepared documents and finished results (<see cref="EndpointCore"/>,
/// the same as the HTTP transport's), a document run (a subscription as a stream, anything else as one result), the
/// connection's context, and the per-client subscription slots.
/// </summary>
internal sealed class LiveOperations(EndpointCore core, GraphQLLiveOptions live)
{
    private readonly GraphQLHttpOptions _http = core.Options;

    public GraphQLLiveOptions Options { get; } = live;
    public ILogger Logger => core.Logger;
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
        string text;
        GraphQLError? refused;
        try
        {
            (text, refused) = core.DocumentText(request);
        }
        catch (GraphQLHttpException e)
        {
            // Malformed, as the HTTP transport would answer 400: here, the same message and code as an error.
            return (null, [new GraphQLError(e.Message, Extensions: EndpointCore.Code(e.Code))]);
        }
        if (refused is not null) return (null, [refused]);
        var prepared = core.Prepare(text);
        return (prepared.Document, prepared.Errors);
    }

    /// <summary>Runs a prepared document: a subscription's stream, or the one result of a query or mutation.</summary>
    public Task<SubscriptionResult> RunAsync(HttpContext http, DocumentNode document, GraphQLRequest request, object? context, CancellationToken ct) =>
        RunAsync(new RequestSnapshot(http), document, request, context, ct);

    /// <summary>
    /// What an operation takes from its HTTP request, read once: a WebSocket session runs its operations
    /// concurrently, and HttpContext is not thread-safe (two operations reading its features at once after a feature
    /// changed met a NullReferenceException in <c>RequestServices</c>).
    /// </summary>
    public sealed class RequestSnapshot(HttpContext http)
    {
        public IServiceProvider Services { get; } = http.RequestServices;
        public string TraceId { get; } = EndpointCore.TraceId(http);
    }

    /// <summary>Runs a prepared document with what its request gave once (<see cref="RequestSnapshot"/>).</summary>
    public async Task<SubscriptionResult> RunAsync(RequestSnapshot http, DocumentNode document, GraphQLRequest request, object? context, CancellationToken ct)
    {
        var execution = new ExecutionRequest(core.Schema, document, request.OperationName, request.Variables, _http.RootValue, context, http.Services, ct)
        {
            HideSuggestions = core.Limits.HideSuggestions,
        };
        try
        {
            if (OperationKinds.GetOperationKind(document, request.OperationName) is OperationType.Subscription)
            {
                var subscription = await Executor.SubscribeAsync(execution);
                return subscription.Stream is { } stream ? new SubscriptionResult(null, Masked(stream, http)) : new SubscriptionResult(core.Finish(subscription.Result!, () => http.TraceId), null);
            }
            return new SubscriptionResult(core.Finish(await Executor.ExecuteAsync(execution), () => http.TraceId), null);
        }
        catch (GraphQLException e)
        {
            return new SubscriptionResult(new ExecutionResult(null, [e.Error]), null);
        }
    }

    private async IAsyncEnumerable<ExecutionResult> Masked(IAsyncEnumerable<ExecutionResult> stream, RequestSnapshot http)
    {
        await foreach (var result in stream.ConfigureAwait(false)) yield return core.Finish(result, () => http.TraceId);
    }

    /// <summary>The error refusing one subscription more than a bound allows.</summary>
    public static GraphQLError LimitError(string message) => new(message, Extensions: EndpointCore.Code("SUBSCRIPTION_LIMIT"));
}
