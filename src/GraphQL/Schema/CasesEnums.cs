using Cases.Domain;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Schema;

/// <summary>The domain's enums as GraphQL enums: SCREAMING_CASE names, the domain value inside.</summary>
public static class CasesEnums
{
    public static readonly EnumType Kind = Of<CaseKind>("CaseKind", "A citizen's field report, or an administrative-procedure dossier.");
    public static readonly EnumType Channel = Of<Domain.Channel>("Channel", "Where a case came in.");
    public static readonly EnumType Priority = Of<Domain.Priority>("Priority", "Urgent reports have shorter limits.");
    public static readonly EnumType PublicStatus = Of<Domain.PublicStatus>("PublicStatus", "The coarse status the public sees.");
    public static readonly EnumType Status = Of<CaseStatus>("CaseStatus", "The detailed internal status, for the center and agencies.");
    public static readonly EnumType Role = Of<Domain.Role>("Role", "Who is acting.");
    public static readonly EnumType Timer = Of<SlaTimer>("SlaTimer", "A clock: verification and resolution of a report, the statutory time of a dossier.");

    public static readonly EnumType InboxStage = Of<Projections.ReadApi.InboxStage>("InboxStage", "The operators' work: cases to verify, to assign, and resolved ones to review.");
    public static readonly EnumType QueueUrgency = Of<Projections.ReadApi.QueueUrgency>("QueueUrgency", "Overdue, due within one working day, or on track.");

    /// <summary>The channels a citizen can agree to at submission (issue 22); Web Push is turned on from the case page instead.</summary>
    public static readonly EnumType NotificationChannel = new("NotificationChannel")
    {
        Description = "How a citizen agrees to be told of their case: EMAIL, SMS (brandname) or ZALO (Zalo notification service).",
        Values =
        {
            new EnumValueDefinition("EMAIL", Cases.Notifications.NotificationChannel.Email),
            new EnumValueDefinition("SMS", Cases.Notifications.NotificationChannel.Sms),
            new EnumValueDefinition("ZALO", Cases.Notifications.NotificationChannel.Zalo),
        },
    };
    public static readonly EnumType Language = Of<Cases.Notifications.NotificationLanguage>("Language", "The language of a citizen's messages: Vietnamese (default) or English.");

    static EnumType Of<T>(string name, string description) where T : struct, Enum
    {
        var type = new EnumType(name) { Description = description };
        foreach (var value in Enum.GetValues<T>()) type.Values.Add(new EnumValueDefinition(Screaming(value.ToString()), value));
        return type;
    }

    /// <summary>FieldReport → FIELD_REPORT.</summary>
    public static string Screaming(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();
}
