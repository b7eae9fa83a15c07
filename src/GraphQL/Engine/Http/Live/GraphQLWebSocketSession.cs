using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Cases.GraphQL.Engine.Http.Live;

/// <summary>
/// One WebSocket speaking <c>graphql-transport-ws</c> (graphql-ws's PROTOCOL.md, the protocol of the npm
/// <c>graphql-ws</c> client): <c>connection_init</c> within <see cref="GraphQLLiveOptions.ConnectionInitTimeout"/>
/// (else 4408), authenticated by the host's hook (refused: 4403), answered by <c>connection_ack</c>; then
/// <c>subscribe</c> (before the ack: 4401; an id in use: 4409) streaming <c>next</c> and ending with
/// <c>complete</c> or <c>error</c>; <c>complete</c> from the client stops an operation; <c>ping</c>/<c>pong</c>
/// both ways; a second <c>connection_init</c> is 4429 and anything malformed 4400. Operations run concurrently;
/// messages are read in order, so an id is registered before the next message is looked at.
/// </summary>
internal sealed class GraphQLWebSocketSession
{
    public const string Protocol = "graphql-transport-ws";

    private readonly HttpContext _http;
    private LiveOperations.RequestSnapshot? _request;
    private readonly WebSocket _socket;
    private readonly LiveOperations _ops;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _session;
    private readonly Dictionary<string, Operation> _operations = new();
    private bool _initReceived;
    private volatile bool _acknowledged;
    private object? _context;
    private string _client = "";
    private long _pingsUnanswered;

    private GraphQLWebSocketSession(HttpContext http, WebSocket socket, LiveOperations ops)
    {
        _http = http;
        _socket = socket;
        _ops = ops;
        _session = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
    }

    public static async Task HandleAsync(HttpContext http, LiveOperations ops)
    {
        if (!http.WebSockets.WebSocketRequestedProtocols.Contains(Protocol))
        {
            // graphql-ws: a socket without the protocol is accepted only to be closed with 4406.
            using var other = await http.WebSockets.AcceptWebSocketAsync();
            await other.CloseOutputAsync((WebSocketCloseStatus)CloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable", http.RequestAborted);
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync(Protocol);
        await new GraphQLWebSocketSession(http, socket, ops).RunAsync();
    }

    private async Task RunAsync()
    {
        var ct = _session.Token;
        _ = CloseUnlessInitialisedAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var message = await ReceiveAsync(ct);
                if (message is null) break;
                await DispatchAsync(message.Value, ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closed by us (a protocol error, a dead peer) or the connection dropped: nothing left to answer.
        }
        finally
        {
            await _session.CancelAsync();
            Task[] running;
            lock (_operations) running = _operations.Values.Select(o => o.Running).OfType<Task>().ToArray();
            // Every operation gives back its subscription slot before the session ends.
            await Task.WhenAll(running).ContinueWith(_ => { }, TaskScheduler.Default);
            if (_socket.State == WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            _session.Dispose();
        }
    }

    /// <summary>One whole text message as UTF-8 bytes; null when the peer closed. Too large: closed with 1009.</summary>
    private async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), ct);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > _ops.Options.MaxMessageBytes)
            {
                await CloseAsync((int)WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {_ops.Options.MaxMessageBytes} bytes");
                return null;
            }
            if (result.EndOfMessage) return buffer.WrittenMemory;
        }
    }

    private async Task DispatchAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        ClientMessage message;
        try
        {
            message = ClientMessage.Parse(bytes);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException)
        {
            await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
            return;
        }
        switch (message.Type)
        {
            case "connection_init":
                if (_initReceived)
                {
                    await CloseAsync(CloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
                    return;
                }
                _initReceived = true;
                try
                {
                    _context = await _ops.ContextAsync(_http, message.Payload);
                }
                catch (GraphQLHttpException e)
                {
                    await CloseAsync(CloseCodes.Forbidden, "Forbidden: " + e.Message);
                    return;
                }
                _client = _ops.ClientKey(_http, _context);
                // Read once, before any operation runs: operations run concurrently, and HttpContext is not thread-safe.
                _request = new LiveOperations.RequestSnapshot(_http);
                _acknowledged = true;
                await SendAsync(w => w.WriteString("type", "connection_ack"));
                _ = KeepAliveAsync(ct);
                return;
            case "ping":
                await SendAsync(w =>
                {
                    w.WriteString("type", "pong");
                    if (message.Payload is { } payload)
                    {
                        w.WritePropertyName("payload");
                        JsonOutput.WriteValue(w, payload);
                    }
                });
                return;
            case "pong":
                Interlocked.Exchange(ref _pingsUnanswered, 0);
                return;
            case "subscribe":
                if (!_acknowledged)
                {
                    await CloseAsync(CloseCodes.Unauthorized, "Unauthorized");
                    return;
                }
                var operation = new Operation(message.Id!, CancellationTokenSource.CreateLinkedTokenSource(ct));
                lock (_operations)
                {
                    if (!_operations.TryAdd(operation.Id, operation)) operation = null;
                }
                if (operation is null)
                {
                    await CloseAsync(CloseCodes.SubscriberAlreadyExists, $"Subscriber for {message.Id} already exists");
                    return;
                }
                operation.Running = Task.Run(() => RunOperationAsync(operation, message.Request!), CancellationToken.None);
                return;
            case "complete":
                Operation? stopped;
                lock (_operations) _operations.Remove(message.Id!, out stopped);
                if (stopped is not null) await stopped.StopAsync();
                return;
            default:
                // A server's message (next, error, connection_ack) or an unknown type, from a client.
                await CloseAsync(CloseCodes.BadRequest, "Invalid message received");
                return;
        }
    }

    private async Task RunOperationAsync(Operation op, GraphQLRequest request)
    {
        var holdsSlot = false;
        try
        {
            var (document, errors) = _ops.Prepare(request);
            if (document is null)
            {
                await SendErrorAsync(op, errors);
                return;
            }
            if (OperationKinds.GetOperationKind(document, request.OperationName) is OperationType.Subscription)
            {
                if (TakeSlot(op) is { } refused)
                {
                    await SendErrorAsync(op, [refused]);
                    return;
                }
                holdsSlot = true;
            }
            var run = await _ops.RunAsync(_request!, document, request, _context, op.Token);
            if (run.Stream is { } stream)
            {
                await foreach (var result in stream.WithCancellation(op.Token)) await SendNextAsync(op, result);
            }
            else
            {
                await SendNextAsync(op, run.Result!);
            }
            await SendAsync(op, w => w.WriteString("type", "complete"));
        }
        catch (Exception) when (op.Token.IsCancellationRequested)
        {
            // Completed by the client, or the socket is gone: no further message for this id (PROTOCOL.md "Complete").
        }
        catch (Exception e)
        {
            var traceId = _request?.TraceId ?? "";
            _ops.Logger.LogError(e, "GraphQL operation {OperationId} over WebSocket failed; trace id {TraceId}", op.Id, traceId);
            await SendErrorAsync(op, [EndpointCore.Unexpected(traceId)]).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            if (holdsSlot)
            {
                lock (_operations) op.HoldsSlot = false;
                _ops.Options.Counter.Release(_client);
            }
            lock (_operations)
                if (_operations.TryGetValue(op.Id, out var current) && current == op) _operations.Remove(op.Id);
            op.Dispose();
        }
    }

    /// <summary>A subscription slot on this connection and for this client, or the error that refuses one.</summary>
    private GraphQLError? TakeSlot(Operation op)
    {
        var options = _ops.Options;
        lock (_operations)
        {
            if (_operations.Values.Count(o => o.HoldsSlot) >= options.MaxSubscriptionsPerConnection)
                return LiveOperations.LimitError($"Too many subscriptions on this connection: at most {options.MaxSubscriptionsPerConnection} at once.");
            if (!options.Counter.TryAcquire(_client, options.MaxSubscriptionsPerClient))
                return LiveOperations.LimitError($"Too many subscriptions for this client: at most {options.MaxSubscriptionsPerClient} at once, over all connections.");
            op.HoldsSlot = true;
            return null;
        }
    }

    /// <summary>graphql-ws: a socket that has not sent connection_init in time is closed with 4408.</summary>
    private async Task CloseUnlessInitialisedAsync(CancellationToken ct)
    {
        try
        {
            await Task.Delay(_ops.Options.ConnectionInitTimeout, ct);
            if (!_initReceived) await CloseAsync(CloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Pings every interval; a peer that did not answer the previous ping is taken for dead and dropped.</summary>
    private async Task KeepAliveAsync(CancellationToken ct)
    {
        try
        {
            using var timer = new PeriodicTimer(_ops.Options.KeepAliveInterval);
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (Interlocked.Increment(ref _pingsUnanswered) > 1)
                {
                    _socket.Abort();
                    await _session.CancelAsync();
                    return;
                }
                await SendAsync(w => w.WriteString("type", "ping"));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private Task SendNextAsync(Operation op, ExecutionResult result) =>
        SendAsync(op, w =>
        {
            w.WriteString("type", "next");
            w.WritePropertyName("payload");
            w.WriteRawValue(result.Utf8Json.Span, skipInputValidation: true);
        });

    private Task SendErrorAsync(Operation op, IReadOnlyList<GraphQLError> errors) =>
        SendAsync(op, w =>
        {
            w.WriteString("type", "error");
            w.WriteStartArray("payload");
            foreach (var e in errors) e.WriteTo(w);
            w.WriteEndArray();
        });

    /// <summary>A message about an operation, unless the client has completed it.</summary>
    private Task SendAsync(Operation op, Action<Utf8JsonWriter> members)
    {
        if (op.Token.IsCancellationRequested) return Task.CompletedTask;
        return SendAsync(w =>
        {
            w.WriteString("id", op.Id);
            members(w);
        });
    }

    private async Task SendAsync(Action<Utf8JsonWriter> members)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }
        await _sendLock.WaitAsync(_session.Token);
        try
        {
            if (_socket.State == WebSocketState.Open)
                await _socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, _session.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Closes the socket with a protocol close code; the receive loop ends when the peer answers (or is cut off).</summary>
    private async Task CloseAsync(int code, string reason)
    {
        // A close frame's reason is at most 123 bytes of UTF-8 (RFC 6455 5.5).
        while (Encoding.UTF8.GetByteCount(reason) > 123) reason = reason[..^1];
        await _sendLock.WaitAsync(CancellationToken.None);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
        // Operations stop now; the peer's closing frame ends the receive loop (or the request is aborted).
        lock (_operations)
            foreach (var o in _operations.Values) o.Cancel();
        _session.CancelAfter(TimeSpan.FromSeconds(5));
    }

    private sealed class Operation(string id, CancellationTokenSource cts) : IDisposable
    {
        public string Id { get; } = id;
        public CancellationToken Token { get; } = cts.Token;
        public Task? Running { get; set; }
        public bool HoldsSlot { get; set; }

        public void Cancel()
        {
            try { cts.Cancel(); } catch (ObjectDisposedException) { }
        }

        public async Task StopAsync()
        {
            Cancel();
            if (Running is { } running) await running.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        public void Dispose() => cts.Dispose();
    }
}
