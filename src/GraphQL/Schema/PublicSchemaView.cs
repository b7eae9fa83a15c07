using Cases.Domain;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Schema;

/// <summary>
/// What introspection shows a caller without a key (the explorer, codegen): the public reads and what a citizen may
/// do, not the staff's queue, audit or case-handling mutations. Execution is unchanged: those fields still answer
/// FORBIDDEN to such a caller, as CaseRules decide; this only keeps the public schema free of what it cannot use.
/// </summary>
public static class PublicSchemaView
{
    static readonly HashSet<string> StaffQueries = ["audit", "myQueue", "myQueueCounts", "inbox", "staffCase", "users"];
    static readonly HashSet<string> CitizenMutations = ["submitCase", "provideInformation", "rateCase", "reopenCase", "withdrawCase"];

    public static Engine.Types.Schema Of(Engine.Types.Schema schema) =>
        SchemaView.WithRootFields(schema, (operation, field) => operation switch
        {
            OperationType.Query => !StaffQueries.Contains(field.Name),
            OperationType.Mutation => CitizenMutations.Contains(field.Name),
            // queueChanged is an agency's, inboxChanged the operators'; caseUpdated and statisticsChanged are public.
            OperationType.Subscription => field.Name is not ("queueChanged" or "inboxChanged"),
            _ => true,
        });

    /// <summary>The view for a request: the public one for the public (no key), else the whole schema.</summary>
    public static Func<Microsoft.AspNetCore.Http.HttpContext, object?, Engine.Types.Schema?> For(Engine.Types.Schema schema)
    {
        var view = Of(schema);
        return (_, context) => context is RequestContext { Actor.Role: Role.Public or Role.Citizen or Role.Partner } ? view : null;
    }
}
