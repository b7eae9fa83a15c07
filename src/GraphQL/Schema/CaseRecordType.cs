using Cases.Domain;
using Cases.GraphQL.Engine.Types;
using static Cases.GraphQL.Schema.Gql;

namespace Cases.GraphQL.Schema;

/// <summary>
/// A case as the write side knows it right after a command (not a projection, which may lag): what the
/// actor who just acted needs. Never the reporter's identity.
/// </summary>
public static class CaseRecordType
{
    public static readonly ObjectType Type = new("CaseRecord")
    {
        Description = "A case as the write side knows it right after a command. Holds no personal data.",
        Fields =
        {
            Field<CaseState>("id", NonNull(GID), s => s.Id.ToString()),
            Field<CaseState>("trackingCode", NonNull(GString), s => s.TrackingCode),
            Field<CaseState>("version", NonNull(GInt), s => (int)s.Version, "The number of events in the case's stream; send it as expectedVersion to act only on this state."),
            Field<CaseState>("kind", NonNull(CasesEnums.Kind), s => s.Kind),
            Field<CaseState>("status", NonNull(CasesEnums.Status), s => s.Status),
            Field<CaseState>("publicStatus", NonNull(CasesEnums.PublicStatus), s => s.PublicStatus),
            Field<CaseState>("channel", NonNull(CasesEnums.Channel), s => s.Channel),
            Field<CaseState>("category", NonNull(GString), s => s.Category),
            Field<CaseState>("priority", NonNull(CasesEnums.Priority), s => s.Priority),
            Field<CaseState>("ward", NonNull(GString), s => s.Ward),
            Field<CaseState>("confidential", NonNull(GBoolean), s => s.Confidential),
            Field<CaseState>("leadAgency", GString, s => s.LeadAgency),
            Field<CaseState>("supportingAgencies", ListOf(GString), s => s.SupportingAgencies.ToList()),
            Field<CaseState>("receivedAt", CasesScalars.DateTime, s => s.ReceivedAt),
            Field<CaseState>("verifyDueAt", CasesScalars.DateTime, s => s.VerifyDueAt),
            Field<CaseState>("dueAt", CasesScalars.DateTime, s => s.DueAt, "The main clock's due time: resolution of a report, the statutory time of a dossier."),
            Field<CaseState>("extendedDueAt", CasesScalars.DateTime, s => s.ExtendedDueAt),
            Field<CaseState>("effectiveDueAt", CasesScalars.DateTime, s => s.EffectiveDueAt, "The due time lateness is judged by."),
            Field<CaseState>("acceptDueAt", CasesScalars.DateTime, s => s.AcceptDueAt),
            Field<CaseState>("apologyIssued", NonNull(GBoolean), s => s.ApologyIssued),
            Field<CaseState>("apologyDueAt", CasesScalars.DateTime, s => s.ApologyDueAt),
            Field<CaseState>("informationReplyDueAt", CasesScalars.DateTime, s => s.InformationReplyDueAt),
            Field<CaseState>("resolvedAt", CasesScalars.DateTime, s => s.ResolvedAt),
            Field<CaseState>("onTime", GBoolean, s => s.OnTime),
            Field<CaseState>("publicAnswer", GString, s => s.PublicAnswer),
            Field<CaseState>("rating", GInt, s => s.Rating),
            Field<CaseState>("cycle", NonNull(GInt), s => s.Cycle, "1, plus one for every time a report was reopened."),
            Field<CaseState>("allowedCommands", ListOf(GString), s => CaseRules.AllowedCommands(s).ToList(), "The mutations the case accepts in its current state (whoever may send them)."),
        },
    };
}
