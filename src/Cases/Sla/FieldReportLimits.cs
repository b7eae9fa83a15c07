using NodaTime;

namespace Cases.Sla;

/// <summary>
/// The working time allowed for each timer of a field report (DESIGN 2.2): <see cref="Verify"/> from receipt,
/// <see cref="Accept"/> from assignment to the agency's acceptance, <see cref="Resolve"/> from assignment.
/// Durations are working time, to be added with <see cref="WorkingCalendar.AddWorkingTime"/>.
/// </summary>
public sealed record FieldReportLimits(Duration Verify, Duration Accept, Duration Resolve);
