using Cases.Domain;
using Cases.GraphQL.Engine.Types;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>The Cases schema (DESIGN 6.2): the public and agencies' queries, the auditors' view, one mutation per command.</summary>
public static class CasesSchema
{
    static readonly ObjectType Me = new("Me")
    {
        Description = "Who the server takes the caller to be.",
        Fields =
        {
            Field<RequestContext>("role", NonNull(CasesEnums.Role), r => r.Actor.Role),
            Field<RequestContext>("agencyId", GID, r => r.Actor.AgencyId),
            Field<RequestContext>("login", GString, r => r.Login, "A signed-in member of staff's login; null for API keys and the public."),
            Field<RequestContext>("name", GString, r => r.Name),
        },
    };

    public static Engine.Types.Schema Build(CaseMutations mutations, AuditQueries audit, IEnumerable<FieldDefinition> readFields, CalendarFields calendar, StaffQueries staff,
        ObjectType? subscription = null, Notifications.NotificationFields? notifications = null, AdminMapFields? adminMap = null)
    {
        var query = new ObjectType("Query")
        {
            Fields =
            {
                Field("me", NonNull(Me), ctx => new ValueTask<object?>(ctx.Request()), "The caller's role and agency."),
                AuditQueries.Root(audit.Build()),
                calendar.Query(),
            },
        };
        foreach (var f in readFields) query.Fields.Add(f);
        foreach (var f in staff.Queries()) query.Fields.Add(f);
        foreach (var f in adminMap?.Query() ?? []) query.Fields.Add(f);
        foreach (var f in notifications?.Queries() ?? []) query.Fields.Add(f);
        var mutation = mutations.Build();
        foreach (var f in notifications?.Mutations() ?? []) mutation.Fields.Add(f);
        foreach (var f in calendar.Mutations()) mutation.Fields.Add(f);
        foreach (var f in staff.Mutations()) mutation.Fields.Add(f);
        foreach (var f in adminMap?.Mutations() ?? []) mutation.Fields.Add(f);
        return new Engine.Types.Schema(query, mutation, subscription, types: [CasesScalars.DateTime, CasesScalars.LocalDate],
            description: "Cases: the provincial operations center's reports and dossiers, their deadlines and outcomes.");
    }
}
