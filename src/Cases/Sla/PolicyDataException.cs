namespace Cases.Sla;

/// <summary>The SLA policy catalogue is malformed or incomplete (see <see cref="SlaPolicyParser"/>).</summary>
public sealed class PolicyDataException(string fileName, int lineNumber, string problem)
    : SlaDataException(fileName, lineNumber, problem);
