using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Cases.GraphQL.Engine.Http.Live;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// The console's live connection (issue 13, part 6): the session cookie sent with the WebSocket upgrade (or the
/// event-stream request), with the session's CSRF token in connection_init (or the header), signs it in, only from
/// the server's own origin (cross-site WebSocket hijacking refused), only while the session stands; without the
/// token the cookie counts for nothing; an agency hears only its own queue, operators the inbox.
/// </summary>
public sealed class ConsoleLiveTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    const string OwnOrigin = "http://localhost";

    sealed class Socket(WebSocket ws) : IAsyncDisposable
    {
        public WebSocket Ws => ws;

        public Task Send(string json) => ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, Timeout());

        public async Task<JsonObject?> Receive()
        {
            var buffer = new byte[256 * 1024];
            var count = 0;
            while (true)
            {
                var r = await ws.ReceiveAsync(buffer.AsMemory(count), Timeout());
                if (r.MessageType == WebSocketMessageType.Close) return null;
                count += r.Count;
                if (r.EndOfMessage) return JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, count))!.AsObject();
            }
        }

        /// <summary>The next message that is not the server's keep-alive ping.</summary>
        public async Task<JsonObject?> ReceiveOperation()
        {
            while (await Receive() is { } m)
            {
                if (m["type"]!.GetValue<string>() != "ping") return m;
                await Send("""{"type":"pong"}""");
            }
            return null;
        }

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

    /// <summary>A WebSocket as a browser page opens it: the session cookie rides along, with the page's Origin.</summary>
    async Task<Socket> Connect(string? cookie, string? origin, string? csrf)
    {
        var client = api.App.Host.Server.CreateWebSocketClient();
        client.SubProtocols.Add("graphql-transport-ws");
        client.ConfigureRequest = r =>
        {
            if (cookie is not null) r.Headers.Cookie = cookie;
            if (origin is not null) r.Headers.Origin = origin;
        };
        var s = new Socket(await client.ConnectAsync(new Uri("ws://localhost/graphql"), CancellationToken.None));
        await s.Send(csrf is null ? """{"type":"connection_init","payload":{}}""" : $$$"""{"type":"connection_init","payload":{"X-CSRF-Token":"{{{csrf}}}"}}""");
        return s;
    }

    async Task<Socket> Acknowledged(GraphQLClient console)
    {
        var s = await Connect(console.Cookie, OwnOrigin, console.Csrf);
        Assert.Equal("connection_ack", (await s.ReceiveOperation())!["type"]!.GetValue<string>());
        return s;
    }

    [Fact]
    public async Task The_session_cookie_on_a_same_origin_upgrade_signs_the_connection_in_as_that_user()
    {
        await using var s = await Acknowledged(await api.SignedIn("hepco.le"));
        await s.Send("""{"id":"me","type":"subscribe","payload":{"query":"{ me { login role agencyId } }"}}""");
        var me = (await s.ReceiveOperation())!["payload"]!["data"]!["me"]!;
        Assert.Equal("hepco.le", me["login"]!.GetValue<string>());
        Assert.Equal("AGENCY", me["role"]!.GetValue<string>());
        Assert.Equal("hepco", me["agencyId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("https://attacker.example")]
    [InlineData("http://localhost:8080")]
    [InlineData(null)]
    public async Task A_cookie_upgrade_from_another_origin_is_refused_with_4403_and_says_why(string? origin)
    {
        var console = await api.SignedIn("op.nguyen");
        await using var s = await Connect(console.Cookie, origin, console.Csrf);
        Assert.Equal(CloseCodes.Forbidden, await s.Closed());
        Assert.Contains("Cross-site live connection refused", s.Ws.CloseStatusDescription);
    }

    [Fact]
    public async Task Without_the_session_s_CSRF_token_the_cookie_counts_for_nothing_and_a_wrong_one_is_refused()
    {
        var console = await api.SignedIn("op.nguyen");
        // A page of another origin cannot read the token: the cookie riding along signs nothing in.
        await using (var foreign = await Connect(console.Cookie, "https://attacker.example", csrf: null))
        {
            Assert.Equal("connection_ack", (await foreign.ReceiveOperation())!["type"]!.GetValue<string>());
            await foreign.Send("""{"id":"me","type":"subscribe","payload":{"query":"{ me { role login } }"}}""");
            var me = (await foreign.ReceiveOperation())!["payload"]!["data"]!["me"]!;
            Assert.Equal("PUBLIC", me["role"]!.GetValue<string>());
            Assert.Null(me["login"]);
        }
        await using var wrong = await Connect(console.Cookie, OwnOrigin, "not-the-token");
        Assert.Equal(CloseCodes.Forbidden, await wrong.Closed());
        Assert.Contains("X-CSRF-Token", wrong.Ws.CloseStatusDescription);
    }

    [Fact]
    public async Task A_signed_out_session_cannot_open_a_live_connection()
    {
        var console = await api.SignedIn("op.nguyen");
        await SignOut(console);
        await using var s = await Connect(console.Cookie, OwnOrigin, console.Csrf);
        Assert.Equal(CloseCodes.Forbidden, await s.Closed());
        Assert.Contains("session has expired or was signed out", s.Ws.CloseStatusDescription);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_s_subscriptions_with_SESSION_EXPIRED()
    {
        var counter = api.App.Services.GetRequiredService<SubscriptionCounter>();
        var console = await api.SignedIn("op.nguyen");
        await using var s = await Acknowledged(console);
        var before = counter.Active;
        await s.Send("""{"id":"inbox","type":"subscribe","payload":{"query":"subscription { inboxChanged { resync } }"}}""");
        await Until(() => counter.Active == before + 1);
        await SignOut(console);
        // The connection checks its session every Authentication:LiveSessionCheckSeconds (1 s in these tests).
        var last = (await s.ReceiveOperation())!;
        Assert.Equal("next", last["type"]!.GetValue<string>());
        Assert.Equal("SESSION_EXPIRED", last["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("complete", (await s.ReceiveOperation())!["type"]!.GetValue<string>());
        await Until(() => counter.Active == before);
    }

    [Fact]
    public async Task An_agency_user_hears_its_own_queue_only_and_cannot_watch_another_agency_s()
    {
        var counter = api.App.Services.GetRequiredService<SubscriptionCounter>();
        var lifecycle = new Lifecycle(api);
        var (other, _) = await lifecycle.Submit();
        var (own, _) = await lifecycle.Submit();
        await lifecycle.Ok(api.OperatorKey, "verifyCase", other);
        await lifecycle.Ok(api.OperatorKey, "verifyCase", own);
        await api.Projected();

        await using var s = await Acknowledged(await api.SignedIn("hepco.le"));
        await s.Send("""{"id":"theirs","type":"subscribe","payload":{"query":"subscription { queueChanged(agencyId: \"so-xay-dung\") { trackingCode } }"}}""");
        var refused = (await s.ReceiveOperation())!;
        Assert.Equal("FORBIDDEN", refused["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("complete", (await s.ReceiveOperation())!["type"]!.GetValue<string>());

        var before = counter.Active;
        await s.Send("""{"id":"q","type":"subscribe","payload":{"query":"subscription { queueChanged { trackingCode status } }"}}""");
        await Until(() => counter.Active == before + 1);
        // Another agency's assignment first: hepco's subscriber must not hear of it.
        await lifecycle.Ok(api.OperatorKey, "assignCase", other, new { leadAgency = "so-xay-dung" });
        await api.Projected();
        await lifecycle.Ok(api.OperatorKey, "assignCase", own, new { leadAgency = "hepco" });
        var heard = (await s.ReceiveOperation())!;
        Assert.Equal("next", heard["type"]!.GetValue<string>());
        var queue = heard["payload"]!["data"]!["queueChanged"]!.AsArray().Select(q => q!["trackingCode"]!.GetValue<string>()).ToList();
        Assert.Contains(own, queue);
        Assert.DoesNotContain(other, queue);
    }

    [Fact]
    public async Task An_operator_hears_the_inbox_change_when_a_report_arrives_and_an_agency_user_is_refused_it()
    {
        var counter = api.App.Services.GetRequiredService<SubscriptionCounter>();
        await api.Projected();
        await using var s = await Acknowledged(await api.SignedIn("op.nguyen"));
        var before = counter.Active;
        await s.Send("""{"id":"i","type":"subscribe","payload":{"query":"subscription { inboxChanged { resync } }"}}""");
        await Until(() => counter.Active == before + 1);
        var (code, _) = await new Lifecycle(api).Submit();
        var tick = (await s.ReceiveOperation())!;
        Assert.Equal("next", tick["type"]!.GetValue<string>());
        Assert.False(tick["payload"]!["data"]!["inboxChanged"]!["resync"]!.GetValue<bool>());
        // The tick comes after a projection committed; by the last one the new report is in the inbox.
        await api.Projected();
        var inbox = (await api.SignedIn("op.nguyen")).Send("{ inbox(stage: TO_VERIFY, first: 200) { trackingCode } }");
        Assert.Contains((await inbox).Ok()["inbox"]!.AsArray(), i => i!["trackingCode"]!.GetValue<string>() == code);

        await using var agency = await Acknowledged(await api.SignedIn("hepco.le"));
        await agency.Send("""{"id":"i","type":"subscribe","payload":{"query":"subscription { inboxChanged { resync } }"}}""");
        var refused = (await agency.ReceiveOperation())!;
        Assert.Equal("FORBIDDEN", refused["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Over_SSE_the_cookie_counts_from_the_own_origin_and_is_refused_from_another()
    {
        var console = await api.SignedIn("hepco.le");
        async Task<HttpResponseMessage> Stream(string origin)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ me { login } }" }),
            };
            request.Headers.Accept.ParseAdd("text/event-stream");
            request.Headers.Add("Cookie", console.Cookie);
            request.Headers.Add("X-CSRF-Token", console.Csrf);
            request.Headers.Add("Origin", origin);
            return await api.App.CreateClient().SendAsync(request);
        }
        using var own = await Stream(OwnOrigin);
        Assert.Contains("\"login\":\"hepco.le\"", await own.Content.ReadAsStringAsync());
        using var foreign = await Stream("https://attacker.example");
        Assert.Equal(403, (int)foreign.StatusCode);
        Assert.Equal("ORIGIN_REFUSED", JsonNode.Parse(await foreign.Content.ReadAsStringAsync())!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    async Task SignOut(GraphQLClient console)
    {
        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/auth/sign-out");
        signOut.Headers.Add("Cookie", console.Cookie);
        signOut.Headers.Add("X-CSRF-Token", console.Csrf);
        Assert.Equal(204, (int)(await api.App.CreateClient().SendAsync(signOut)).StatusCode);
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
