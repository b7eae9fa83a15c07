using System.Net;
using System.Text.Json.Nodes;
using Alba;
using Cases.Access;
using Cases.GraphQL.Tests.Host;
using Microsoft.AspNetCore.Hosting;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// Issue 26: a client's retry is recognised whichever node answers it and however often the nodes restart, and a
/// client is told apart from others by its own address, never a proxy's, with limits that every node shares.
/// Each test runs real hosts (Alba, the whole pipeline, Marten's daemon and Wolverine) on a database of its own.
/// </summary>
public sealed class ClientIdentityTests : IAsyncLifetime
{
    readonly HostDatabase db = new();
    readonly List<CasesAppFactory> hosts = [];

    public Task InitializeAsync() => db.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var h in hosts) await h.DisposeAsync();
        await db.DisposeAsync();
    }

    async Task<CasesAppFactory> Node(params (string Key, string Value)[] settings)
    {
        var host = await CasesAppFactory.StartAsync(db.ConnectionString, b =>
        {
            b.UseSetting("Submissions:PerMinute", "100000");
            foreach (var (k, v) in settings) b.UseSetting(k, v);
        });
        hosts.Add(host);
        return host;
    }

    const string SubmitDocument = """
        mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode secret replayed } }
        """;

    static object Report(string? key, string description = "Ổ gà lớn trước số 5 Lê Lợi, xe máy dễ ngã") => new
    {
        input = new
        {
            kind = "FIELD_REPORT", category = "traffic_infrastructure", channel = "APP", description, ward = "Thuận Hóa",
            location = new { latitude = 16.4637, longitude = 107.5909 }, idempotencyKey = key,
            reporter = new { name = "Lê Thị Hoa", phone = "0905123456" },
        },
    };

    /// <summary>Posts a document as a client at <paramref name="peer"/> would, optionally through a proxy that forwards <paramref name="forwardedFor"/>.</summary>
    static async Task<JsonObject> Post(CasesAppFactory host, object variables, string document = SubmitDocument, string peer = "127.0.0.1", string? forwardedFor = null)
    {
        var result = await host.Host.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse(peer));
            s.Post.Json(new { query = document, variables }).ToUrl("/graphql");
            if (forwardedFor is not null) s.WithRequestHeader("X-Forwarded-For", forwardedFor);
            s.IgnoreStatusCode();
        });
        return JsonNode.Parse(await result.ReadAsTextAsync())!.AsObject();
    }

    static JsonNode Submitted(JsonObject body) =>
        body["errors"] is null ? body["data"]!["submitCase"]! : throw new Xunit.Sdk.XunitException(body.ToJsonString());

    static string? Code(JsonObject body) => body["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>();

    /// <summary>Cases received. (A transaction that lost the race leaves Marten's tombstone stream over the sequence numbers it drew, not a case.)</summary>
    Task<long> Streams() => db.ScalarAsync<long>("select count(*) from cases.mt_events where type = 'case_received'")!;

    [Fact]
    public async Task A_submission_resent_with_its_key_after_the_server_restarted_returns_the_same_case()
    {
        var first = await Node();
        var acknowledged = Submitted(await Post(first, Report("c0a934a0-restart")));
        Assert.False(acknowledged["replayed"]!.GetValue<bool>());
        await first.DisposeAsync();
        hosts.Remove(first);

        // A new process: before issue 26 its random salt gave the same citizen a new identity, and a new case.
        var restarted = await Node();
        var resent = Submitted(await Post(restarted, Report("c0a934a0-restart")));
        Assert.Equal(acknowledged["trackingCode"]!.GetValue<string>(), resent["trackingCode"]!.GetValue<string>());
        Assert.True(resent["replayed"]!.GetValue<bool>());
        Assert.Null(resent["secret"]?.GetValue<string>()); // the secret is given once, never to a replay
        Assert.Equal(1, await Streams());
    }

    [Fact]
    public async Task The_same_keyed_submission_sent_to_two_nodes_at_once_and_again_is_one_case()
    {
        var (a, b) = (await Node(), await Node());
        // From two addresses too: a mobile client's retry may leave through another network.
        var both = await Task.WhenAll(Post(a, Report("two-nodes-1"), peer: "127.0.0.7"), Post(b, Report("two-nodes-1"), peer: "127.0.0.8"));
        var codes = both.Select(r => Submitted(r)["trackingCode"]!.GetValue<string>()).ToList();
        Assert.Equal(codes[0], codes[1]);
        Assert.Equal(1, both.Count(r => !Submitted(r)["replayed"]!.GetValue<bool>()));
        var again = Submitted(await Post(b, Report("two-nodes-1")));
        Assert.Equal(codes[0], again["trackingCode"]!.GetValue<string>());
        Assert.Equal(1, await Streams());
    }

    [Fact]
    public async Task The_same_key_with_another_description_is_refused_and_never_answered_with_the_first_case()
    {
        var node = await Node();
        var first = Submitted(await Post(node, Report("shared-key")));
        var other = await Post(node, Report("shared-key", "Cây đổ chắn ngang đường Hà Nội"), peer: "127.0.0.9");
        Assert.Equal("IDEMPOTENCY_KEY_REUSED", Code(other));
        Assert.Equal("idempotencyKey", other["errors"]![0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.DoesNotContain(first["trackingCode"]!.GetValue<string>(), other.ToJsonString());
        Assert.Equal(1, await Streams());

        // Without a key every submission is new.
        var noKey = Submitted(await Post(node, Report(null, "Đèn đường hỏng cả dãy")));
        Assert.NotEqual(first["trackingCode"]!.GetValue<string>(), noKey["trackingCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_key_of_ten_kilobytes_is_refused_by_its_length_and_nothing_is_stored()
    {
        var node = await Node();
        var refused = await Post(node, Report(new string('k', 10_000)));
        Assert.Equal("VALIDATION_FAILED", Code(refused));
        Assert.Equal("idempotencyKey", refused["errors"]![0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(0, await Streams());
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_two_citizens_are_two_clients_and_an_untrusted_peer_cannot_claim_an_address()
    {
        // 127.0.0.2 is the proxy; 127.0.0.3 is anyone else who sends the header.
        var node = await Node(("Submissions:PerMinute", "1"), ("ForwardedHeaders:KnownProxies", "127.0.0.2"));
        Submitted(await Post(node, Report(null, "Rác tồn đọng kiệt 4"), peer: "127.0.0.2", forwardedFor: "203.0.113.10"));
        Submitted(await Post(node, Report(null, "Rác tồn đọng kiệt 5"), peer: "127.0.0.2", forwardedFor: "203.0.113.11"));
        var limited = await Post(node, Report(null, "Rác tồn đọng kiệt 6"), peer: "127.0.0.2", forwardedFor: "203.0.113.10");
        Assert.Equal("RATE_LIMITED", Code(limited));
        Assert.InRange(limited["errors"]![0]!["extensions"]!["retryAfterSeconds"]!.GetValue<int>(), 1, 60);

        // The untrusted peer's forged addresses are ignored: it is one client, whatever it claims.
        Submitted(await Post(node, Report(null, "Đường ngập kiệt 7"), peer: "127.0.0.3", forwardedFor: "203.0.113.20"));
        Assert.Equal("RATE_LIMITED", Code(await Post(node, Report(null, "Đường ngập kiệt 8"), peer: "127.0.0.3", forwardedFor: "203.0.113.21")));
        Assert.Equal(3, await Streams());
    }

    [Fact]
    public async Task A_flood_of_distinct_keys_from_one_client_meets_the_rate_limit_and_other_clients_are_served()
    {
        var node = await Node(("Submissions:PerMinute", "30"));
        var codes = new List<string?>();
        // 300 keys in a burst (the 10^4 a minute, cut to keep the test short: the limit answers from the 31st).
        foreach (var batch in Enumerable.Range(0, 300).Chunk(20))
            codes.AddRange((await Task.WhenAll(batch.Select(i => Post(node, Report($"flood-{i}", $"Ngập nước số {i}"), peer: "127.0.0.4")))).Select(Code));
        Assert.Equal(30, codes.Count(c => c is null));
        Assert.Equal(270, codes.Count(c => c == "RATE_LIMITED"));
        Assert.Equal(30, await Streams());
        // Another citizen is not held back by the flood.
        Submitted(await Post(node, Report("someone-else", "Cây xanh gãy cành"), peer: "127.0.0.5"));
        Assert.Equal(31, await Streams());
    }

    [Fact]
    public async Task A_retry_of_a_stored_submission_over_the_rate_limit_gets_its_first_result_not_RATE_LIMITED()
    {
        // Found by the chaos run (issue 25): the answer to a stored submission was lost, the client retried with the
        // same key, and the limit refused the retry, so the client recorded as refused a report that exists.
        var node = await Node(("Submissions:PerMinute", "1"));
        var first = Submitted(await Post(node, Report("kept-key", "Rác tồn đọng kiệt 9"), peer: "127.0.0.6"));
        Assert.Equal("RATE_LIMITED", Code(await Post(node, Report("new-key", "Rác tồn đọng kiệt 10"), peer: "127.0.0.6")));
        var again = Submitted(await Post(node, Report("kept-key", "Rác tồn đọng kiệt 9"), peer: "127.0.0.6"));
        Assert.Equal(first["trackingCode"]!.GetValue<string>(), again["trackingCode"]!.GetValue<string>());
        Assert.True(again["replayed"]!.GetValue<bool>());
        Assert.Equal(1, await Streams());
    }

    [Fact]
    public async Task A_retry_of_a_stored_submission_with_photos_gets_its_first_result_not_MEDIA_IN_USE()
    {
        // Found by the chaos run (issue 25): the first attempt stored the report and attached its photo, its answer was
        // lost, and the retry with the same key was refused because the photo "belongs to another case": its own.
        var node = await Node();
        using var http = node.Host.Server.CreateClient();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Cases.GraphQL.Tests.Media.TestImages.PhoneJpeg(640, 480)), "file", "IMG_0042.JPG" } };
        using var upload = await http.PostAsync("/media", form);
        var photo = JsonNode.Parse(await upload.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        object WithPhoto(string key) => new
        {
            input = new
            {
                kind = "FIELD_REPORT", category = "traffic_infrastructure", channel = "APP", description = "Ổ gà sâu, có ảnh", ward = "Thuận Hóa",
                location = new { latitude = 16.4637, longitude = 107.5909 }, idempotencyKey = key, mediaRefs = new[] { photo },
            },
        };
        var first = Submitted(await Post(node, WithPhoto("photo-key")));
        var again = Submitted(await Post(node, WithPhoto("photo-key")));
        Assert.Equal(first["trackingCode"]!.GetValue<string>(), again["trackingCode"]!.GetValue<string>());
        Assert.True(again["replayed"]!.GetValue<bool>());
        // Another submission naming the same photo is still refused: it is this case's.
        Assert.Equal("MEDIA_IN_USE", Code(await Post(node, WithPhoto("other-key"))));
        Assert.Equal(1, await Streams());
    }

    [Fact]
    public async Task Two_nodes_share_one_submission_limit()
    {
        var (a, b) = (await Node(("Submissions:PerMinute", "2")), await Node(("Submissions:PerMinute", "2")));
        Submitted(await Post(a, Report(null, "Cống nghẹt 1")));
        Submitted(await Post(b, Report(null, "Cống nghẹt 2")));
        Assert.Equal("RATE_LIMITED", Code(await Post(a, Report(null, "Cống nghẹt 3"))));
        Assert.Equal("RATE_LIMITED", Code(await Post(b, Report(null, "Cống nghẹt 4"))));
        Assert.Equal(2, await Streams());
    }

    [Fact]
    public async Task Client_ids_are_the_same_on_every_node_until_the_salt_is_rotated()
    {
        var address = IPAddress.Parse("203.0.113.30");
        var (one, two) = (new ClientIds(db.DataSource, null), new ClientIds(db.DataSource, null));
        var id = one.Of(address);
        Assert.Equal(id, two.Of(address));
        Assert.NotEqual(id, one.Of(IPAddress.Parse("203.0.113.31")));

        await ClientIds.RotateAsync(db.DataSource);
        Assert.NotEqual(id, new ClientIds(db.DataSource, null).Of(address));
        // A configured salt is the operator's choice and wins over the stored one.
        Assert.Equal(new ClientIds(db.DataSource, "configured").Of(address), new ClientIds(db.DataSource, "configured").Of(address));
    }
}
