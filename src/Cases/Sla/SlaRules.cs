using Cases.Domain;
using NodaTime;

namespace Cases.Sla;

/// <summary>
/// The domain's SLA port (<see cref="ISlaRules"/>, DESIGN 2.4) over the real working-time calendar and the
/// versioned policy catalogue: every limit is working time or working days, never elapsed time.
/// Pure and immutable, like the calendar and the catalogue it combines.
/// </summary>
public sealed class SlaRules(WorkingCalendar calendar, SlaPolicies policies, CalendarLibrary? library = null) : ISlaRules
{
    /// <summary>
    /// The province's standard week with the embedded holiday data and policy catalogue. Past the last year of
    /// holiday data only the working week counts (<see cref="UncoveredYears.AssumeNoHolidays"/>), so deadlines
    /// running into a year whose schedule is not yet announced still get a due time; the calendar version in the
    /// event shows which data computed it.
    /// </summary>
    public static SlaRules LoadEmbedded() => For(CalendarLibrary.Embedded(), SlaPolicies.LoadEmbedded());

    /// <summary>The rules over the calendar versions in force in <paramref name="library"/>.</summary>
    public static SlaRules For(CalendarLibrary library, SlaPolicies policies) =>
        new(library.Current(UncoveredYears.AssumeNoHolidays), policies, library);

    public WorkingCalendar Calendar { get; } = calendar;

    /// <summary>Every calendar version known, to re-measure due times computed with an older one.</summary>
    public CalendarLibrary? Library { get; } = library;

    public SlaPolicies Policies { get; } = policies;

    public string PolicyVersion => Policies.Version;

    public string CalendarVersion => Calendar.CalendarVersion;

    public bool IsKnownCategory(CaseKind kind, string category) => Policies.Declares(Map(kind), category);

    /// <summary>
    /// Verification starts at receipt, before classification gives the report a priority, so the normal limit
    /// applies.
    /// </summary>
    public Instant VerifyDue(string category, Instant receivedAt) =>
        Calendar.AddWorkingTime(receivedAt, FieldReport(category).Normal.Verify);

    /// <summary>The normal limit for field reports (the port passes no priority); the policy's accept time for dossiers.</summary>
    public Instant AcceptDue(CaseKind kind, string category, Instant assignedAt) =>
        Calendar.AddWorkingTime(assignedAt, Policies.For(Map(kind), category) switch
        {
            SlaPolicy.FieldReport report => report.Normal.Accept,
            SlaPolicy.Dossier dossier => dossier.Accept,
            _ => throw new InvalidOperationException("Unknown policy kind."), // unreachable: the set is closed
        });

    public Instant ResolveDue(string category, Priority priority, Instant assignedAt) =>
        Calendar.AddWorkingTime(assignedAt, FieldReport(category).Limits(Map(priority)).Resolve);

    /// <summary>See <see cref="WorkingCalendar.AddWorkingDays"/> for the day of receipt and the 15:00 cut-off.</summary>
    public Instant StatutoryDue(string procedure, Instant acceptedAt) =>
        Calendar.AddWorkingDays(acceptedAt, Dossier(procedure).StatutoryWorkingDays);

    public Instant InformationReplyDue(Instant requestedAt) =>
        Calendar.AddWorkingDays(requestedAt, Policies.InformationReplyWorkingDays);

    public InformationRequestEffect OnInformationRequest(CaseKind kind, string category) =>
        Policies.For(Map(kind), category).OnInformationRequest switch
        {
            SlaInformationEffect.Pause => InformationRequestEffect.Pause,
            SlaInformationEffect.Restart => InformationRequestEffect.Restart,
            var other => throw new InvalidOperationException($"Unknown information effect {other}."),
        };

    public Instant DeadlineWarningAt(CaseKind kind, string category, Instant from, Instant due) =>
        Policies.For(Map(kind), category).Warning.WarnAt(Calendar, from, due);

    /// <summary>
    /// The working time left at the pause runs again from the resumption. A timer already due when it was paused
    /// keeps its due time: a pause cannot rescue a case that was late.
    /// </summary>
    public Instant ExtendByPause(Instant due, Instant pausedAt, Instant resumedAt)
    {
        var left = Calendar.WorkingTimeBetween(pausedAt, due);
        return left > Duration.Zero ? Calendar.AddWorkingTime(Instant.Max(pausedAt, resumedAt), left) : due;
    }

    /// <summary>
    /// The working time <paramref name="due"/> left after <paramref name="from"/>, measured with the calendar that
    /// computed it, counted again from <paramref name="from"/> with this calendar. A version this library cannot
    /// rebuild is measured with this calendar too, which leaves the due time as it was.
    /// </summary>
    public Instant RecomputeDue(Instant due, Instant from, string computedWith)
    {
        var old = Library?.ForVersion(computedWith) ?? Calendar;
        var left = old.WorkingTimeBetween(from, due);
        return left > Duration.Zero ? Calendar.AddWorkingTime(from, left) : due;
    }

    private SlaPolicy.FieldReport FieldReport(string category) =>
        Policies.For(SlaCaseKind.FieldReport, category) as SlaPolicy.FieldReport
        ?? throw new InvalidOperationException($"Policy {category} is not a field-report policy.");

    private SlaPolicy.Dossier Dossier(string procedure) =>
        Policies.For(SlaCaseKind.Dossier, procedure) as SlaPolicy.Dossier
        ?? throw new InvalidOperationException($"Policy {procedure} is not a dossier policy.");

    private static SlaCaseKind Map(CaseKind kind) => kind switch
    {
        CaseKind.FieldReport => SlaCaseKind.FieldReport,
        CaseKind.Dossier => SlaCaseKind.Dossier,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown case kind."),
    };

    private static SlaPriority Map(Priority priority) => priority switch
    {
        Priority.Normal => SlaPriority.Normal,
        Priority.Urgent => SlaPriority.Urgent,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown priority."),
    };
}
