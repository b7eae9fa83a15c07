using NodaTime;

namespace Cases.Sla;

/// <summary>
/// The SLA rules of one case kind and category (DESIGN 2.4). A closed set: a <see cref="FieldReport"/> has
/// limits in working time per priority, a <see cref="Dossier"/> a statutory time in working days.
/// </summary>
public abstract record SlaPolicy
{
    private SlaPolicy(string category, SlaInformationEffect onInformationRequest, WarningThreshold warning)
    {
        Category = category;
        OnInformationRequest = onInformationRequest;
        Warning = warning;
    }

    public abstract SlaCaseKind Kind { get; }

    public string Category { get; }

    public SlaInformationEffect OnInformationRequest { get; }

    public WarningThreshold Warning { get; }

    /// <summary>A field-report category's limits, in working time.</summary>
    public sealed record FieldReport(
        string Category,
        FieldReportLimits Normal,
        FieldReportLimits Urgent,
        SlaInformationEffect OnInformationRequest,
        WarningThreshold Warning)
        : SlaPolicy(Category, OnInformationRequest, Warning)
    {
        public override SlaCaseKind Kind => SlaCaseKind.FieldReport;

        public FieldReportLimits Limits(SlaPriority priority) => priority switch
        {
            SlaPriority.Normal => Normal,
            SlaPriority.Urgent => Urgent,
            _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority."),
        };
    }

    /// <summary>
    /// An administrative procedure's statutory processing time, in working days, to be turned into a due time with
    /// <see cref="WorkingCalendar.AddWorkingDays"/>, and the working time an agency has to accept an assignment.
    /// </summary>
    public sealed record Dossier(
        string Category,
        int StatutoryWorkingDays,
        Duration Accept,
        SlaInformationEffect OnInformationRequest,
        WarningThreshold Warning)
        : SlaPolicy(Category, OnInformationRequest, Warning)
    {
        public override SlaCaseKind Kind => SlaCaseKind.Dossier;
    }
}
