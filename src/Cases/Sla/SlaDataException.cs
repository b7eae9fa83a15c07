namespace Cases.Sla;

/// <summary>
/// A data file of the SLA calendar or policy catalogue is malformed. The message starts with
/// <c>file(line):</c> so a log line points straight at the place to fix.
/// </summary>
public abstract class SlaDataException : Exception
{
    protected SlaDataException(string fileName, int lineNumber, string problem)
        : base($"{fileName}({lineNumber}): {problem}")
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Problem = problem;
    }

    public string FileName { get; }

    /// <summary>The 1-based line number the problem was found on.</summary>
    public int LineNumber { get; }

    /// <summary>The problem alone, without the file and line.</summary>
    public string Problem { get; }
}
