namespace Cases.Benchmarks;

/// <summary>Markdown tables, printed and appended to the report file.</summary>
public sealed class BenchReport(string path)
{
    public void Table(string title, string[] header, IEnumerable<string[]> rows, string? note = null)
    {
        var lines = new List<string> { $"## {title}", "", $"| {string.Join(" | ", header)} |", $"|{string.Concat(header.Select(_ => "---|"))}" };
        lines.AddRange(rows.Select(r => $"| {string.Join(" | ", r)} |"));
        if (note is not null) lines.AddRange(["", note]);
        lines.Add("");
        var text = string.Join(Environment.NewLine, lines);
        Console.WriteLine(text);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.AppendAllText(path, text + Environment.NewLine);
    }
}
