namespace Cases.Projections.ReadApi;

/// <summary>
/// One agency's open cases at an instant, by how close they are to their due time (DESIGN 0, backlog ageing):
/// <list type="bullet">
/// <item><c>WithinDeadline</c>: more than 20 % of the time the case was given is left (or no due time yet);</item>
/// <item><c>DueSoon</c>: less than 20 % left, not yet due;</item>
/// <item><c>Overdue</c>: past the effective due time;</item>
/// <item><c>WaitingForCitizen</c>: the clock is paused, whatever its due time.</item>
/// </list>
/// 20 % of elapsed time, not "8 working hours", so the query stays a comparison (agency_queues.due_soon_at).
/// </summary>
public sealed record BacklogAgeingRow(string Agency, long Open, long WithinDeadline, long DueSoon, long Overdue, long WaitingForCitizen);
