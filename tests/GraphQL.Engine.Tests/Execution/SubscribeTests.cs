using System.Runtime.CompilerServices;
using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;
using Cases.GraphQL.Engine.Types.Scalars;

namespace Cases.GraphQL.Engine.Tests.Execution;

/// <summary>Spec 6.2.3 Subscribe, as graphql-js's subscribe answers the same schema and documents.</summary>
public class SubscribeTests
{
    sealed record Tick(int N);

    static readonly List<string> Log = [];

    static async IAsyncEnumerable<object?> Ticks(int count, [EnumeratorCancellation] CancellationToken ct = default)
    {
        try
        {
            for (var i = 1; i <= count; i++)
            {
                await Task.Yield();
                ct.ThrowIfCancellationRequested();
                yield return new Tick(i);
            }
        }
        finally
        {
            lock (Log) Log.Add("source ended");
        }
    }

    static readonly Schema Clock = new(
        new ObjectType("Query") { Fields = { new FieldDefinition("now", BuiltInScalars.Int) } },
        subscription: new ObjectType("Subscription")
        {
            Fields =
            {
                new FieldDefinition("tick", new NonNullType(BuiltInScalars.Int))
                {
                    Arguments = { new InputValueDefinition("count", new NonNullType(BuiltInScalars.Int)) },
                    Subscribe = ctx => ValueTask.FromResult(Ticks(ctx.Argument<int>("count"), ctx.CancellationToken)),
                    Resolve = ctx => ValueTask.FromResult<object?>(((Tick)ctx.Source!).N * 10),
                },
                new FieldDefinition("refused", BuiltInScalars.Int)
                {
                    Subscribe = _ => throw new GraphQLException("Not yours", new Dictionary<string, object?> { ["code"] = "FORBIDDEN" }),
                },
            },
        });

    static Task<SubscriptionResult> Subscribe(string query, CancellationToken ct = default) =>
        Executor.SubscribeAsync(new ExecutionRequest(Clock, Parser.Parse(query), CancellationToken: ct));

    [Fact]
    public async Task Each_source_event_executes_the_selection_with_the_event_as_root_value()
    {
        var subscription = await Subscribe("subscription { tick(count: 3) }");
        Assert.Null(subscription.Result);
        var results = new List<string>();
        await foreach (var r in subscription.Stream!) results.Add(r.ToJson());
        Assert.Equal(["""{"data":{"tick":10}}""", """{"data":{"tick":20}}""", """{"data":{"tick":30}}"""], results);
    }

    [Fact]
    public async Task A_failing_subscribe_resolver_is_a_located_error_without_data()
    {
        var subscription = await Subscribe("subscription { refused }");
        Assert.Null(subscription.Stream);
        Assert.Equal("""{"errors":[{"message":"Not yours","locations":[{"line":1,"column":16}],"path":["refused"],"extensions":{"code":"FORBIDDEN"}}]}""",
            subscription.Result!.ToJson());
    }

    [Fact]
    public async Task Bad_variables_are_a_request_error_and_no_source_stream_is_made()
    {
        var subscription = await Executor.SubscribeAsync(new ExecutionRequest(Clock, Parser.Parse("subscription($n: Int!) { tick(count: $n) }"),
            Variables: new Dictionary<string, object?>()));
        Assert.Null(subscription.Stream);
        Assert.Equal(RequestErrorKind.InvalidVariables, subscription.Result!.RequestErrorKind);
        Assert.Contains("Variable \"$n\"", subscription.Result.Errors![0].Message);
    }

    [Fact]
    public async Task Leaving_the_stream_early_ends_the_source_stream()
    {
        var subscription = await Subscribe("subscription { tick(count: 1000) }");
        lock (Log) Log.Clear();
        await foreach (var r in subscription.Stream!)
        {
            Assert.Equal("""{"data":{"tick":10}}""", r.ToJson());
            break;
        }
        lock (Log) Assert.Equal(["source ended"], Log);
    }

    [Fact]
    public async Task A_schema_without_a_subscription_type_says_so()
    {
        var schema = new Schema(new ObjectType("Query") { Fields = { new FieldDefinition("a", BuiltInScalars.Int) } });
        var subscription = await Executor.SubscribeAsync(new ExecutionRequest(schema, Parser.Parse("subscription { a }")));
        Assert.Equal("Schema is not configured to execute subscription operation.", subscription.Result!.Errors![0].Message);
    }

    /// <summary>A source that gives every subscriber the same event objects, as a node's change feed does.</summary>
    sealed class Feed
    {
        public readonly List<System.Threading.Channels.Channel<object?>> Subscribers = [];
        public int Executions;

        public IAsyncEnumerable<object?> Subscribe()
        {
            var queue = System.Threading.Channels.Channel.CreateUnbounded<object?>();
            lock (Subscribers) Subscribers.Add(queue);
            return queue.Reader.ReadAllAsync();
        }

        public void Publish(object change)
        {
            lock (Subscribers) foreach (var s in Subscribers) s.Writer.TryWrite(change);
        }

        public void End()
        {
            lock (Subscribers) foreach (var s in Subscribers) s.Writer.TryComplete();
        }

        public Schema Schema(bool shares) => new(
            new ObjectType("Query") { Fields = { new FieldDefinition("now", BuiltInScalars.Int) } },
            subscription: new ObjectType("Subscription")
            {
                Fields =
                {
                    new FieldDefinition("changed", BuiltInScalars.String)
                    {
                        Arguments = { new InputValueDefinition("key", new NonNullType(BuiltInScalars.String)) },
                        SharesResponses = shares,
                        Subscribe = _ => ValueTask.FromResult(Subscribe()),
                        Resolve = ctx =>
                        {
                            Interlocked.Increment(ref Executions);
                            var change = (string)ctx.Source!;
                            if (change == "fail") throw new GraphQLException("Cannot read it", new Dictionary<string, object?> { ["code"] = "UNAVAILABLE" });
                            return ValueTask.FromResult<object?>($"{change} of {ctx.Argument<string>("key")}");
                        },
                    },
                },
            });
    }

    static async Task<List<string>> Collect(SubscriptionResult subscription)
    {
        var responses = new List<string>();
        await foreach (var r in subscription.Stream!) responses.Add(System.Text.Encoding.UTF8.GetString(r.Utf8Json.Span));
        return responses;
    }

    [Fact]
    public async Task Subscribers_of_one_event_with_the_same_request_share_one_execution_when_the_field_allows_it()
    {
        var feed = new Feed();
        var schema = feed.Schema(shares: true);
        var document = Parser.Parse("subscription($k: String!) { changed(key: $k) }");
        SubscriptionResult Start(string key) => Executor.SubscribeAsync(new ExecutionRequest(schema, document,
            Variables: new Dictionary<string, object?> { ["k"] = key })).Result;
        var same = Enumerable.Range(0, 50).Select(_ => Start("a")).ToList();
        var other = Start("b");
        var streams = same.Append(other).Select(Collect).ToList();

        feed.Publish("first");
        feed.Publish("second");
        feed.End();
        var responses = await Task.WhenAll(streams);

        foreach (var r in responses[..50]) Assert.Equal(["""{"data":{"changed":"first of a"}}""", """{"data":{"changed":"second of a"}}"""], r);
        Assert.Equal(["""{"data":{"changed":"first of b"}}""", """{"data":{"changed":"second of b"}}"""], responses[50]);
        // Two events, two distinct requests: four executions, not 102.
        Assert.Equal(4, feed.Executions);
    }

    [Fact]
    public async Task Without_the_field_allowing_it_or_for_a_response_with_errors_each_subscriber_executes_its_own()
    {
        foreach (var (shares, change) in new[] { (false, "first"), (true, "fail") })
        {
            var feed = new Feed();
            var schema = feed.Schema(shares);
            var document = Parser.Parse("""subscription { changed(key: "a") }""");
            var streams = Enumerable.Range(0, 5).Select(_ => Collect(Executor.SubscribeAsync(new ExecutionRequest(schema, document)).Result)).ToList();
            feed.Publish(change);
            feed.End();
            var responses = await Task.WhenAll(streams);
            Assert.All(responses, r => Assert.Single(r));
            Assert.True(feed.Executions >= 5, $"{(shares ? "errors" : "not shared")}: {feed.Executions} executions for 5 subscribers");
            if (change == "fail") Assert.All(responses, r => Assert.Contains("\"UNAVAILABLE\"", r[0]));
        }
    }
}
