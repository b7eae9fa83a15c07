namespace Cases.Sla;

/// <summary>A yearly holiday file is malformed or contradicts itself (see <see cref="CalendarYearParser"/>).</summary>
public sealed class CalendarDataException(string fileName, int lineNumber, string problem)
    : SlaDataException(fileName, lineNumber, problem);
