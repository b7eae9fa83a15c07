using System.Text.Json;
using CommunityToolkit.HighPerformance.Buffers;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Cases.GraphQL.Engine.Http;

/// <summary>
/// One GraphQL endpoint: HTTP request in, GraphQL response out (GraphQL over HTTP draft). The order of checks is
/// the draft's: method, Accept (406), Content-Type (415), size (413), request parameters (400), document
/// (parse, validate: request errors), GET may not mutate (405), then execution.
/// </summary>
internal sealed class GraphQLHttpHandler
{
    private readonly EndpointCore _core;
    private readonly GraphQLHttpOptions _options;

    public GraphQLHttpHandler(EndpointCore core)
    {
        _core = core;
        _options = core.Options;
    }

    public async Task HandleAsync(HttpContext http)
    {
        var mediaType = MediaTypes.Json;
        try
        {
            var isGet = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
            if (!(isGet && _options.AllowGet) && !HttpMethods.IsPost(http.Request.Method))
            {
                http.Response.Headers.Allow = _options.AllowGet ? "GET, POST" : "POST";
                throw new GraphQLHttpException(StatusCodes.Status405MethodNotAllowed, $"The method {http.Request.Method} is not allowed; use {http.Response.Headers.Allow}.");
            }
            mediaType = MediaTypes.Negotiate(http.Request.Headers.Accept) ?? throw new GraphQLHttpException(
                StatusCodes.Status406NotAcceptable, $"The Accept header allows neither {MediaTypes.GraphQLResponse} nor {MediaTypes.Json} in UTF-8.");

            GraphQLRequest request;
            if (isGet)
            {
                request = GraphQLRequestReader.FromQueryString(http.Request.Query, _options.MaxRequestBytes);
            }
            else
            {
                if (!MediaTypes.IsJsonRequest(http.Request.ContentType))
                    throw new GraphQLHttpException(StatusCodes.Status415UnsupportedMediaType, $"The Content-Type must be {MediaTypes.Json} (UTF-8).");
                request = await GraphQLRequestReader.FromBodyAsync(http.Request, _options.MaxRequestBytes, http.RequestAborted);
            }

            var (result, kind) = await ExecuteAsync(http, request, isGet);
            // Draft 7.2: with application/graphql-response+json a response without data (a request error) is a 4xx;
            // with application/json every well-formed request gets 200.
            var status = mediaType == MediaTypes.GraphQLResponse && !result.DataPresent ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
            await WriteAsync(http, status, mediaType, result, SharedCacheable(http, isGet, kind, status, result));
        }
        catch (GraphQLHttpException e)
        {
            var extensions = new Dictionary<string, object?> { ["code"] = e.Code };
            await WriteAsync(http, e.StatusCode, mediaType, ExecutionResult.RequestError([new GraphQLError(e.Message, Extensions: extensions)]), sharedCacheable: false);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away (a cancelled read or execution, a reset connection); there is no one to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            // A fault of ours, not of the request: a 500, still as a GraphQL response, without details.
            var traceId = EndpointCore.TraceId(http);
            _core.Logger.LogError(e, "GraphQL request failed; trace id {TraceId}", traceId);
            await WriteAsync(http, StatusCodes.Status500InternalServerError, mediaType,
                ExecutionResult.RequestError([EndpointCore.Unexpected(traceId)]), sharedCacheable: false);
        }
    }

    /// <summary>Runs the request; also says which kind of operation it chose (null when there was none to choose).</summary>
    private async Task<(ExecutionResult Result, OperationType? Kind)> ExecuteAsync(HttpContext http, GraphQLRequest request, bool isGet)
    {
        var (query, refused) = _core.DocumentText(request);
        if (refused is not null) return (ExecutionResult.RequestError([refused]), null);
        var prepared = _core.Prepare(query);
        if (prepared.Document is null) return (ExecutionResult.RequestError(prepared.Errors), null);

        var kind = OperationKinds.GetOperationKind(prepared.Document, request.OperationName);
        if (kind is OperationType.Subscription)
            return (ExecutionResult.RequestError([new GraphQLError("Subscriptions are not supported over this transport.", Extensions: EndpointCore.Code("SUBSCRIPTIONS_NOT_SUPPORTED"))]), kind);
        if (isGet && kind is OperationType.Mutation)
        {
            // Draft 6.1: GET is safe, so it may not run a mutation; 405 tells the client to POST it.
            http.Response.Headers.Allow = "POST";
            throw new GraphQLHttpException(StatusCodes.Status405MethodNotAllowed, "Mutations cannot be sent with GET; send them with POST.");
        }

        var context = _options.ContextFactory is null ? null : await _options.ContextFactory(http);
        ExecutionResult result;
        try
        {
            result = await Executor.ExecuteAsync(new ExecutionRequest(
                _core.Schema, prepared.Document, request.OperationName, request.Variables, _options.RootValue, context,
                http.RequestServices, http.RequestAborted)
            {
                IntrospectedSchema = _options.IntrospectedSchema?.Invoke(http, context),
                // As the live transports: with suggestions hidden, coercion errors name no schema members either.
                HideSuggestions = _core.Limits.HideSuggestions,
            });
        }
        catch (GraphQLException e)
        {
            // A GraphQL error that escaped execution (e.g. from coercing a root-level @skip argument) is still the
            // request's fault, not ours: answer as graphql-js's executeOperation does, data null and the error.
            result = new ExecutionResult(null, [e.Error]);
        }
        return (_core.Finish(result, http), kind);
    }

    /// <summary>
    /// Whether a shared cache (a CDN, a reverse proxy) may keep the response (RFC 9111): only a query that came by GET
    /// (safe, and keyed by its URL) from a caller without credentials and succeeded without any error, and only when
    /// <see cref="GraphQLHttpOptions.PublicCacheMaxAge"/> is set. Whatever a caller with an Authorization header
    /// reads (an agency's queue, an auditor's history) must never be served to someone else from a cache.
    /// </summary>
    private bool SharedCacheable(HttpContext http, bool isGet, OperationType? kind, int status, ExecutionResult result) =>
        _options.PublicCacheMaxAge > TimeSpan.Zero && isGet && kind == OperationType.Query && status == StatusCodes.Status200OK
        && result.DataPresent && result.Errors is null && !http.Request.Headers.ContainsKey(HeaderNames.Authorization);

    private async Task WriteAsync(HttpContext http, int status, string mediaType, ExecutionResult result, bool sharedCacheable)
    {
        // Serialised into a buffer first, so that a failure while writing cannot leave half a response behind; a
        // pooled one, as every request needs one and most are the same few kilobytes.
        using var buffer = new ArrayPoolBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions)) result.WriteTo(writer);
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        http.Response.ContentLength = buffer.WrittenCount;
        if (sharedCacheable)
        {
            http.Response.Headers.CacheControl = $"public, max-age={(long)_options.PublicCacheMaxAge!.Value.TotalSeconds}";
            // The answer depends on the media type negotiated and on who asks (a "me" query), so a cache keys on both.
            http.Response.Headers.Vary = "Accept, Authorization";
        }
        else
        {
            http.Response.Headers.CacheControl = "no-store";
        }
        if (HttpMethods.IsHead(http.Request.Method)) return;
        await http.Response.Body.WriteAsync(buffer.WrittenMemory, http.RequestAborted);
    }
}
