using Cases.GraphQL.Engine.Types;
using Cases.Handlers;
using Cases.Projections.ReadApi;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>
/// Read-your-writes (issue 21): a client that acts and then looks (the console after an action, a partner after a
/// submission) selects <c>readModels</c> on the mutation's payload; the answer waits, at most <c>waitMs</c>, until
/// every read model includes the command's events, and says how far they got. The list it then asks for already
/// shows the action. Clients that do not select it wait for nothing.
/// </summary>
public sealed partial class CaseMutations
{
    static readonly ObjectType ReadModelsFreshness = new("ReadModelsFreshness")
    {
        Description = "How far the read models (the public views, statistics, queues) had come when the mutation answered.",
        Fields =
        {
            Field<WriteFreshness>("caughtUp", NonNull(GBoolean), f => f.CaughtUp, "Every read model includes this command's events: a query now shows them."),
            Field<WriteFreshness>("waitedMs", NonNull(GFloat), f => f.WaitedMs),
            Field<WriteFreshness>("eventSequence", NonNull(GFloat), f => (double)f.EventSequence, "The position in the event log of the command's last event."),
            Field<WriteFreshness>("readModelPosition", NonNull(GFloat), f => (double)f.ReadModelPosition, "The position the slowest read model had reached."),
            Field<WriteFreshness>("behind", ListOf(GString), f => f.Behind, "The read models that had not caught up (empty when caughtUp)."),
        },
    };

    FieldDefinition ReadModelsField() => new("readModels", NonNull(ReadModelsFreshness))
    {
        Description = "Waits, at most waitMs (default 3000, at most 10000), until every read model includes this command's result, then says how far "
            + "they are. Select it when the next thing you do is read a list or a view.",
        Arguments = { new InputValueDefinition("waitMs", GInt) { DefaultValue = 3000 } },
        Resolve = async ctx =>
        {
            var done = (CommandOutcome.Done)ctx.Source!;
            var wait = TimeSpan.FromMilliseconds(Math.Clamp(ctx.Argument<int?>("waitMs") ?? 3000, 0, (int)ReadYourWrites.MaxWait.TotalMilliseconds));
            return await writes.WaitAsync(done.State.Id, done.State.Version, wait, ctx.CancellationToken);
        },
    };
}
