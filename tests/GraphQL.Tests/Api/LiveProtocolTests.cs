using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Cases.GraphQL.Engine.Http.Live;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// The graphql-transport-ws state machine over the real pipeline (graphql-ws PROTOCOL.md): what each message does
/// in each state, and the close code a client sees when it breaks the protocol.
/// </summary>
public sealed class LiveProtocolTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    sealed class Socket(WebSocket ws) : IAsyncDisposable
    {
        public WebSocket Ws => ws;

        public Task Send(string json) => ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, Timeout());

        /// <summary>The next message, or null when the server closed (then <see cref="WebSocket.CloseStatus"/> says why).</summary>
        public async Task<JsonObject?> Receive()
        {
            var buffer = new byte[64 * 1024];
            var count = 0;
            while (true)
            {
                var r = await ws.ReceiveAsync(buffer.AsMemory(count), Timeout());
                if (r.MessageType == WebSocketMessageType.Close) return null;
                count += r.Count;
                if (r.EndOfMessage) return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, count))!.AsObject();
            }
        }

        /// <summary>Reads until the server closes; the close code.</summary>
        public async Task<int> Closed()
        {
            while (await Receive() is not null) { }
            return (int)ws.CloseStatus!.Value;
        }

        public async ValueTask DisposeAsync()
        {
            if (ws.State == WebSocketState.Open) await ws.CloseAsync(WebSocketCloseStatus.NormalClosure, null, Timeout());
            ws.Dispose();
        }

        static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;
    }

    async Task<Socket> Connect(string? protocol = GraphQLWebSocketSession_Protocol)
    {
        var client = api.App.Host.Server.CreateWebSocketClient();
        if (protocol is not null) client.SubProtocols.Add(protocol);
        return new Socket(await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None));
    }

    const string GraphQLWebSocketSession_Protocol = "graphql-transport-ws";

    async Task<Socket> Acknowledged(string? key = null)
    {
        var s = await Connect();
        await s.Send(key is null ? """{"type":"connection_init"}""" : $$$"""{"type":"connection_init","payload":{"Authorization":"Bearer {{{key}}}"}}""");
        Assert.Equal("connection_ack", (await s.Receive())!["type"]!.GetValue<string>());
        return s;
    }

    [Fact]
    public async Task After_the_ack_a_ping_gets_a_pong_and_a_query_gets_one_next_then_complete()
    {
        await using var s = await Acknowledged(api.AgencyAKey);
        await s.Send("""{"type":"ping","payload":{"n":1}}""");
        var pong = (await s.Receive())!;
        Assert.Equal("pong", pong["type"]!.GetValue<string>());
        Assert.Equal(1, pong["payload"]!["n"]!.GetValue<int>());

        await s.Send("""{"id":"q1","type":"subscribe","payload":{"query":"{ me { role agencyId } }"}}""");
        var next = (await s.Receive())!;
        Assert.Equal("next", next["type"]!.GetValue<string>());
        Assert.Equal("q1", next["id"]!.GetValue<string>());
        Assert.Equal("AGENCY", next["payload"]!["data"]!["me"]!["role"]!.GetValue<string>());
        Assert.Equal("hepco", next["payload"]!["data"]!["me"]!["agencyId"]!.GetValue<string>());
        var complete = (await s.Receive())!;
        Assert.Equal("complete", complete["type"]!.GetValue<string>());
        Assert.Equal("q1", complete["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_subscribe_before_the_ack_closes_the_socket_with_4401()
    {
        await using var s = await Connect();
        await s.Send("""{"id":"1","type":"subscribe","payload":{"query":"{ me { role } }"}}""");
        Assert.Equal(CloseCodes.Unauthorized, await s.Closed());
    }

    [Fact]
    public async Task A_second_connection_init_closes_the_socket_with_4429()
    {
        await using var s = await Acknowledged();
        await s.Send("""{"type":"connection_init"}""");
        Assert.Equal(CloseCodes.TooManyInitialisationRequests, await s.Closed());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":1}""")]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ me { role } }"}}""")]
    [InlineData("""{"id":"1","type":"subscribe","payload":{"query":7}}""")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""")]
    public async Task A_malformed_message_closes_the_socket_with_4400(string message)
    {
        await using var s = await Acknowledged();
        await s.Send(message);
        Assert.Equal(CloseCodes.BadRequest, await s.Closed());
    }

    [Fact]
    public async Task An_unknown_key_in_connection_init_closes_the_socket_with_4403()
    {
        await using var s = await Connect();
        await s.Send("""{"type":"connection_init","payload":{"Authorization":"Bearer nope"}}""");
        Assert.Equal(CloseCodes.Forbidden, await s.Closed());
        Assert.Contains("Unknown API key", s.Ws.CloseStatusDescription);
    }

    [Fact]
    public async Task A_socket_without_the_protocol_is_closed_with_4406()
    {
        await using var s = await Connect(protocol: "graphql-ws");
        Assert.Equal(CloseCodes.SubprotocolNotAcceptable, await s.Closed());
    }

    [Fact]
    public async Task A_second_subscriber_with_an_id_in_use_closes_the_socket_with_4409_and_nothing_is_left_running()
    {
        var counter = api.App.Services.GetRequiredService<SubscriptionCounter>();
        var code = await SubmittedCase();
        await using var s = await Acknowledged();
        var subscribe = $$$"""{"id":"same","type":"subscribe","payload":{"query":"subscription { caseUpdated(trackingCode: \"{{{code}}}\") { status } }"}}""";
        await s.Send(subscribe);
        await Until(() => counter.Active == 1);
        await s.Send(subscribe);
        Assert.Equal(CloseCodes.SubscriberAlreadyExists, await s.Closed());
        await Until(() => counter.Active == 0);
    }

    [Fact]
    public async Task Complete_from_the_client_ends_its_subscription_and_frees_its_slot()
    {
        var counter = api.App.Services.GetRequiredService<SubscriptionCounter>();
        var changes = api.App.Services.GetRequiredService<Cases.Projections.Live.ProjectionChanges>();
        var code = await SubmittedCase();
        var listening = changes.Subscribers;
        await using var s = await Acknowledged();
        await s.Send($$$"""{"id":"s1","type":"subscribe","payload":{"query":"subscription { caseUpdated(trackingCode: \"{{{code}}}\") { status } }"}}""");
        await Until(() => counter.Active == 1 && changes.Subscribers == listening + 1);
        await s.Send("""{"id":"s1","type":"complete"}""");
        // The slot is freed, and the node no longer delivers this case's changes to it.
        await Until(() => counter.Active == 0 && changes.Subscribers == listening);
        // The socket is still usable, and the id free again.
        await s.Send("""{"id":"s1","type":"subscribe","payload":{"query":"{ me { role } }"}}""");
        Assert.Equal("next", (await s.Receive())!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_validation_error_is_an_error_message_and_the_socket_stays_open()
    {
        await using var s = await Acknowledged();
        await s.Send("""{"id":"v","type":"subscribe","payload":{"query":"subscription { caseUpdated(trackingCode: \"x\") { status } statisticsChanged { months } }"}}""");
        var error = (await s.Receive())!;
        Assert.Equal("error", error["type"]!.GetValue<string>());
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        await s.Send("""{"type":"ping"}""");
        Assert.Equal("pong", (await s.Receive())!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_document_id_that_is_not_its_querys_hash_is_refused_as_over_HTTP_and_the_socket_stays_open()
    {
        await using var s = await Acknowledged();
        await s.Send("""{"id":"h","type":"subscribe","payload":{"query":"{ agencies { id } }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"0000"}}}}""");
        var error = (await s.Receive())!;
        Assert.Equal("error", error["type"]!.GetValue<string>());
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        await s.Send("""{"type":"ping"}""");
        Assert.Equal("pong", (await s.Receive())!["type"]!.GetValue<string>());
    }

    async Task<string> SubmittedCase()
    {
        var code = (await api.Client().Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "sanitation_environment", description: "Cống nghẹt", ward: "Phú Xuân", location: { latitude: 16.481, longitude: 107.563 } }) { trackingCode } }
            """)).Ok()["submitCase"]!["trackingCode"]!.GetValue<string>();
        await api.Projected();
        return code;
    }

    static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("The condition did not hold within 30 s.");
            await Task.Delay(20);
        }
    }
}
