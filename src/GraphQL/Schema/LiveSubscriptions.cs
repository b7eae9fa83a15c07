using System.Runtime.CompilerServices;
using Cases.Domain;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Types;
using Cases.Projections.Live;
using Cases.Projections.Queues;
using Cases.Projections.ReadApi;
using NodaTime.Text;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>
/// The subscription root (DESIGN 6.2, issue 12): live views of the read models. Each event is a committed change of
/// a projection (<see cref="ProjectionChanges"/>, PostgreSQL NOTIFY from the projection's transaction), and the
/// payload is read from that projection after it: a subscriber never sees what the read side does not have, and
/// sees exactly what the same query would. The read is shared by every subscriber of the same change on a node.
/// </summary>
public sealed partial class LiveSubscriptions(ProjectionChanges changes, PublicCaseQueries cases, AgencyQueries queues, Cases.EventStore.CaseEventStore writeSide)
{
    const int QueueRead = 500;

    public ObjectType Build(ObjectType publicCase)
    {
        var statisticsChange = new ObjectType("StatisticsChange")
        {
            Description = "The monthly figures moved: ask statistics again for these months.",
            Fields =
            {
                Field<Change>("months", ListOf(ReadTypes.YearMonth), c => c.Keys.Select(k => YearMonthPattern.Iso.Parse(k).GetValueOrThrow()).ToList(),
                    "The months whose figures changed (empty when this node may have missed changes: then any month may have)."),
            },
        };
        var inboxChange = new ObjectType("InboxChange")
        {
            Description = "The operators' inbox may have changed: ask inbox again.",
            Fields =
            {
                Field<Change>("resync", NonNull(GBoolean), c => c.Resync,
                    "True when this node may have missed changes (its listener reconnected): every stage may have changed."),
            },
        };
        return new ObjectType("Subscription")
        {
            Fields =
            {
                new FieldDefinition("caseUpdated", publicCase)
                {
                    Description = "A public case each time its public view changes (public fields only, no key needed). Null if it stops being public. " +
                        "A case just submitted may be followed at once: its first view comes when the public view is published.",
                    Arguments =
                    {
                        Arg("trackingCode", NonNull(GString)),
                        Arg("afterVersion", GInt, "The version of the view the client already has (the last timeline step's; 0 for none): a newer view " +
                            "is sent at once, then each change, so nothing published between the client's read and its subscription is missed. " +
                            "Without it, only changes from now on are sent."),
                    },
                    Subscribe = ctx => SubscribeToCase(ctx, ctx.Argument<string>("trackingCode")!, ctx.Argument<int?>("afterVersion")),
                    // Public fields of the public view only, the same for every caller: one execution per change for all.
                    SharesResponses = true,
                    Resolve = async ctx =>
                    {
                        ThrowIfSessionEnded(ctx);
                        var code = ctx.Argument<string>("trackingCode")!;
                        var detail = await ((Change)ctx.Source!).ReadOnce(ct => cases.GetAsync(code, ct));
                        return detail is null ? null : new CaseView(detail.Case, detail.Timeline);
                    },
                },
                new FieldDefinition("queueChanged", ListOf(ReadTypes.QueueItem))
                {
                    Description = "For an agency (with its key): its open cases, most urgent first, each time its queue changes. Another agency's queue is refused.",
                    Arguments = { Arg("agencyId", GID, "The agency; its own by default."), new InputValueDefinition("first", GInt) { DefaultValue = 100 } },
                    Subscribe = ctx =>
                    {
                        var own = ctx.Require(Role.Agency).Actor.AgencyId!;
                        if (ctx.Argument<string>("agencyId") is { } asked && asked != own)
                            throw SchemaErrors.Forbidden("An agency may watch only its own queue.");
                        return ValueTask.FromResult(Stream(ctx, changes.Subscribe("agency_queues", own)));
                    },
                    Resolve = async ctx =>
                    {
                        ThrowIfSessionEnded(ctx);
                        var own = ctx.Request().Actor.AgencyId!;
                        var queue = await ((Change)ctx.Source!).ReadOnce(ct => queues.QueueAsync(own, QueueRead, ct));
                        return queue.Take(Math.Clamp(ctx.Argument<int?>("first") ?? 100, 1, QueueRead)).ToList();
                    },
                },
                new FieldDefinition("statisticsChanged", NonNull(statisticsChange))
                {
                    Description = "A tick each time the monthly statistics move.",
                    Subscribe = ctx => ValueTask.FromResult(Stream(ctx, changes.Subscribe("sla", ProjectionChanges.AnyKey))),
                    Resolve = ctx =>
                    {
                        ThrowIfSessionEnded(ctx);
                        return ValueTask.FromResult(ctx.Source);
                    },
                },
                new FieldDefinition("inboxChanged", NonNull(inboxChange))
                {
                    Description = "For the center's operators and admins: a tick each time the inbox may have changed (a case received, verified, "
                        + "assigned, resolved, or its clocks moved); ask inbox again for the stage on screen.",
                    Subscribe = ctx =>
                    {
                        ctx.Require(Role.Operator, Role.Admin);
                        // The inbox reads agency_queues (the stages) and sla_facts (the clocks), two projections that commit
                        // on their own: a tick after each, so the last one to commit is always followed by a tick.
                        return ValueTask.FromResult(Stream(ctx, changes.Subscribe("agency_queues", InboxKey), changes.Subscribe("sla", ProjectionChanges.AnyKey)));
                    },
                    Resolve = ctx =>
                    {
                        ThrowIfSessionEnded(ctx);
                        return ValueTask.FromResult(ctx.Source);
                    },
                },
            },
        };
    }

    /// <summary>
    /// Follows a case the read side has or the write side knows (issue 21): a citizen who subscribes right after
    /// submitting is not told "not found" while the projection is still publishing it. The subscription is made
    /// before the look, so a view published in between is not missed. A confidential report is not public, whoever
    /// knows its code: it is "not found", as a code that exists nowhere is.
    /// </summary>
    async ValueTask<IAsyncEnumerable<object?>> SubscribeToCase(ResolveContext ctx, string code, int? afterVersion)
    {
        if (!TrackingCodeShape().IsMatch(code))
            throw SchemaErrors.Invalid("trackingCode", $"'{(code.Length > 40 ? code[..40] + "…" : code)}' is not a tracking code (like HUE-2026-000123).");
        var subscription = changes.Subscribe("public_cases", code);
        try
        {
            if (await cases.GetAsync(code, ctx.CancellationToken) is { } published)
                return afterVersion is { } known && published.Timeline.Count > 0 && published.Timeline.Max(s => s.Version) > known
                    ? Stream(ctx, new Change("public_cases", code, resync: false), subscription)
                    : Stream(ctx, (Change?)null, subscription);
            if (await writeSide.FindByTrackingCodeAsync(code, ctx.CancellationToken) is { } id
                && !(await writeSide.ReadStateAsync(id, null, ctx.CancellationToken)).Confidential)
                return Stream(ctx, (Change?)null, subscription); // its first view is sent when the projection publishes it
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
        subscription.Dispose();
        throw SchemaErrors.NotFound(code);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Z]{2,8}-\d{4}-\d{6,9}$")]
    private static partial System.Text.RegularExpressions.Regex TrackingCodeShape();

    /// <summary>The key agency_queues announces whenever a case enters, moves within or leaves the operators' inbox.</summary>
    public const string InboxKey = AgencyQueuesProjection.InboxKey;

    /// <summary>What a stream yields last when its connection's session ended: its resolver answers SESSION_EXPIRED.</summary>
    sealed class SessionEnd
    {
        public static readonly SessionEnd Instance = new();
    }

    static void ThrowIfSessionEnded(ResolveContext ctx)
    {
        if (ctx.Source is SessionEnd)
            throw new Engine.Errors.GraphQLException("Your session has expired or was signed out; sign in again.",
                new Dictionary<string, object?> { ["code"] = "SESSION_EXPIRED" });
    }

    /// <summary>
    /// The changes as the engine's source stream; ending it (or cancelling) unsubscribes. When the caller signed in
    /// with a console session that ends meanwhile (<see cref="RequestContext.SessionEnded"/>), one last event says so
    /// (SESSION_EXPIRED) and the stream completes.
    /// </summary>
    static IAsyncEnumerable<object?> Stream(ResolveContext ctx, params Subscription[] subscriptions) => Stream(ctx, (Change?)null, subscriptions);

    /// <param name="first">A change to answer before any other (the view as it is now), or null.</param>
    static IAsyncEnumerable<object?> Stream(ResolveContext ctx, Change? first, params Subscription[] subscriptions)
    {
        var sessionEnded = ctx.Context is RequestContext r ? r.SessionEnded : CancellationToken.None;
        return subscriptions.Length == 1 && !sessionEnded.CanBeCanceled
            ? Direct(first, subscriptions[0], ctx.CancellationToken)
            : Merged(first, subscriptions, sessionEnded, ctx.CancellationToken);
    }

    /// <summary>One subscription and no session to end (the public following a case): its changes as they come, with no
    /// pump and second queue between (each a hop per subscriber per change, which a thousand subscribers pay a thousand times).</summary>
    static async IAsyncEnumerable<object?> Direct(Change? first, Subscription subscription, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using (subscription)
        {
            if (first is not null) yield return first;
            await foreach (var change in subscription.WithCancellation(ct)) yield return change;
        }
    }

    static async IAsyncEnumerable<object?> Merged(Change? first, Subscription[] subscriptions, CancellationToken sessionEnded, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (first is not null) yield return first;
        using var both = CancellationTokenSource.CreateLinkedTokenSource(ct, sessionEnded);
        // As each subscription does, the merge keeps only the latest few changes for a slow reader: each says only
        // "read again", so a dropped older one loses nothing.
        var merged = System.Threading.Channels.Channel.CreateBounded<Change>(new System.Threading.Channels.BoundedChannelOptions(4)
        {
            FullMode = System.Threading.Channels.BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        var pumps = subscriptions.Select(s => Task.Run(async () =>
        {
            using (s)
                await foreach (var change in s.WithCancellation(both.Token)) await merged.Writer.WriteAsync(change, both.Token);
        }, CancellationToken.None)).ToArray();
        _ = Task.WhenAll(pumps).ContinueWith(t => merged.Writer.TryComplete(), TaskScheduler.Default);
        var ended = false;
        try
        {
            await using var reader = merged.Reader.ReadAllAsync(both.Token).GetAsyncEnumerator(both.Token);
            while (true)
            {
                bool more;
                try
                {
                    more = await reader.MoveNextAsync();
                }
                catch (OperationCanceledException) when (sessionEnded.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    ended = true;
                    break;
                }
                if (!more) break;
                yield return reader.Current;
            }
        }
        finally
        {
            await both.CancelAsync();
            await Task.WhenAll(pumps).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        if (ended) yield return SessionEnd.Instance;
    }
}
