using System.Runtime.CompilerServices;
using Cases.Domain;
using Cases.GraphQL.Engine.Execution;
using Cases.GraphQL.Engine.Types;
using Cases.Projections.Live;
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
public sealed class LiveSubscriptions(ProjectionChanges changes, PublicCaseQueries cases, AgencyQueries queues)
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
        return new ObjectType("Subscription")
        {
            Fields =
            {
                new FieldDefinition("caseUpdated", publicCase)
                {
                    Description = "A public case each time its public view changes (public fields only, no key needed). Null if it stops being public.",
                    Arguments = { Arg("trackingCode", NonNull(GString)) },
                    Subscribe = async ctx =>
                    {
                        var code = ctx.Argument<string>("trackingCode")!;
                        if (await cases.GetAsync(code, ctx.CancellationToken) is null) throw SchemaErrors.NotFound(code);
                        return Stream(changes.Subscribe("public_cases", code), ctx.CancellationToken);
                    },
                    Resolve = async ctx =>
                    {
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
                        return ValueTask.FromResult(Stream(changes.Subscribe("agency_queues", own), ctx.CancellationToken));
                    },
                    Resolve = async ctx =>
                    {
                        var own = ctx.Request().Actor.AgencyId!;
                        var queue = await ((Change)ctx.Source!).ReadOnce(ct => queues.QueueAsync(own, QueueRead, ct));
                        return queue.Take(Math.Clamp(ctx.Argument<int?>("first") ?? 100, 1, QueueRead)).ToList();
                    },
                },
                new FieldDefinition("statisticsChanged", NonNull(statisticsChange))
                {
                    Description = "A tick each time the monthly statistics move.",
                    Subscribe = ctx => ValueTask.FromResult(Stream(changes.Subscribe("sla", ProjectionChanges.AnyKey), ctx.CancellationToken)),
                    Resolve = ctx => ValueTask.FromResult(ctx.Source),
                },
            },
        };
    }

    /// <summary>The changes as the engine's source stream; ending it (or cancelling) unsubscribes.</summary>
    static async IAsyncEnumerable<object?> Stream(Subscription subscription, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using (subscription)
            await foreach (var change in subscription.WithCancellation(ct)) yield return change;
    }
}
