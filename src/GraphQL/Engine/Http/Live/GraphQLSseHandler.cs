using System.Buffers;
using System.Text;
using System.Text.Json;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Cases.GraphQL.Engine.Http.Live;

/// <summary>
/// GraphQL over Server-Sent Events in graphql-sse's "distinct connections mode" (graphql-sse PROTOCOL.md): a GET or
/// POST as for GraphQL over HTTP, with <c>Accept: text/event-stream</c>, answered by an event stream of
/// <c>next</c> events (each an execution result) ended by a <c>complete</c> event; the client ends a subscription
/// by closing the connection. Problems with the request itself (its JSON, its method, its credentials) get their
/// HTTP status before the stream starts; errors of the document (parse, validation, limits) come as a
/// <c>next</c> event on an accepted stream, as the protocol requires.
/// </summary>
internal static class GraphQLSseHandler
{
    public const string EventStream = "text/event-stream";

    /// <summary>Whether the request asks for an event stream (then this transport answers it).</summary>
    public static bool Accepts(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => string.Equals(a.MediaType.Value, EventStream, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0);

    public static async Task HandleAsync(HttpContext http, LiveOperations ops)
    {
        var ct = http.RequestAborted;
        GraphQLRequest request;
        object? context;
        DocumentNode? document;
        IReadOnlyList<GraphQLError> errors;
        try
        {
            var isGet = HttpMethods.IsGet(http.Request.Method);
            if (!isGet && !HttpMethods.IsPost(http.Request.Method))
            {
                http.Response.Headers.Allow = "GET, POST";
                throw new GraphQLHttpException(StatusCodes.Status405MethodNotAllowed, $"The method {http.Request.Method} is not allowed; use GET or POST.");
            }
            if (!isGet && !MediaTypes.IsJsonRequest(http.Request.ContentType))
                throw new GraphQLHttpException(StatusCodes.Status415UnsupportedMediaType, $"The Content-Type must be {MediaTypes.Json} (UTF-8).");
            request = isGet
                ? GraphQLRequestReader.FromQueryString(http.Request.Query, ops.MaxRequestBytes)
                : await GraphQLRequestReader.FromBodyAsync(http.Request, ops.MaxRequestBytes, ct);
            (document, errors) = ops.Prepare(request);
            if (isGet && document is not null && OperationKinds.GetOperationKind(document, request.OperationName) is OperationType.Mutation)
            {
                http.Response.Headers.Allow = "POST";
                throw new GraphQLHttpException(StatusCodes.Status405MethodNotAllowed, "Mutations cannot be sent with GET; send them with POST.");
            }
            context = await ops.ContextAsync(http, null);
        }
        catch (GraphQLHttpException e)
        {
            await RefuseAsync(http, e);
            return;
        }

        var stream = new EventStreamWriter(http);
        await stream.StartAsync();
        using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pinging = stream.KeepAliveAsync(ops.Options.KeepAliveInterval, keepAlive.Token);
        var client = ops.ClientKey(http, context);
        var holdsSlot = false;
        try
        {
            if (document is null)
            {
                await stream.NextAsync(ExecutionResult.RequestError(errors));
            }
            else if (OperationKinds.GetOperationKind(document, request.OperationName) is OperationType.Subscription
                     && !(holdsSlot = ops.Options.Counter.TryAcquire(client, ops.Options.MaxSubscriptionsPerClient)))
            {
                await stream.NextAsync(ExecutionResult.RequestError([LiveOperations.LimitError(
                    $"Too many subscriptions for this client: at most {ops.Options.MaxSubscriptionsPerClient} at once, over all connections.")]));
            }
            else
            {
                var run = await ops.RunAsync(http, document, request, context, ct);
                if (run.Stream is { } results)
                    await foreach (var result in results.WithCancellation(ct)) await stream.NextAsync(result);
                else
                    await stream.NextAsync(run.Result!);
            }
            await stream.CompleteAsync();
        }
        catch (Exception) when (ct.IsCancellationRequested)
        {
            // The client closed the stream: that is how a subscription ends in this mode.
        }
        catch (Exception e)
        {
            var traceId = EndpointCore.TraceId(http);
            ops.Logger.LogError(e, "GraphQL event stream failed; trace id {TraceId}", traceId);
            await stream.NextAsync(ExecutionResult.RequestError([EndpointCore.Unexpected(traceId)])).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            if (holdsSlot) ops.Options.Counter.Release(client);
            await keepAlive.CancelAsync();
            await pinging;
        }
    }

    private static async Task RefuseAsync(HttpContext http, GraphQLHttpException e)
    {
        var extensions = e.Code is null ? null : EndpointCore.Code(e.Code);
        var body = ExecutionResult.RequestError([new GraphQLError(e.Message, Extensions: extensions)]).ToJson();
        http.Response.StatusCode = e.StatusCode;
        http.Response.ContentType = MediaTypes.Json + "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(body, http.RequestAborted);
    }

    /// <summary>The event stream (HTML's "text/event-stream" format): one writer at a time, flushed after each event.</summary>
    private sealed class EventStreamWriter(HttpContext http)
    {
        private static readonly byte[] Comment = ":\n\n"u8.ToArray();
        private static readonly byte[] Complete = "event: complete\ndata: \n\n"u8.ToArray();
        private readonly SemaphoreSlim _lock = new(1, 1);

        public async Task StartAsync()
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            http.Response.ContentType = EventStream + "; charset=utf-8";
            http.Response.Headers.CacheControl = "no-cache, no-store";
            // nginx and similar proxies buffer responses unless told not to; an event stream must flow.
            http.Response.Headers["X-Accel-Buffering"] = "no";
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            await http.Response.StartAsync(http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
        }

        public Task NextAsync(ExecutionResult result)
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            buffer.Write("event: next\ndata: "u8);
            // The JSON writer escapes line breaks inside strings, so the result is one data line.
            buffer.Write(result.Utf8Json.Span);
            buffer.Write("\n\n"u8);
            return WriteAsync(buffer.WrittenMemory);
        }

        public Task CompleteAsync() => WriteAsync(Complete);

        public async Task KeepAliveAsync(TimeSpan interval, CancellationToken ct)
        {
            try
            {
                using var timer = new PeriodicTimer(interval);
                while (await timer.WaitForNextTickAsync(ct)) await WriteAsync(Comment);
            }
            catch (Exception) when (ct.IsCancellationRequested || http.RequestAborted.IsCancellationRequested)
            {
            }
        }

        private async Task WriteAsync(ReadOnlyMemory<byte> bytes)
        {
            await _lock.WaitAsync(http.RequestAborted);
            try
            {
                await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
            finally
            {
                _lock.Release();
            }
        }
    }
}
