using System.Text;

namespace Cases.GraphQL.Engine.Language;

/// <summary>Block string helpers (spec 2.9.4 "BlockStringValue()"), mirroring graphql-js blockString.ts.</summary>
public static class BlockString
{
    /// <summary>Removes the common indentation and leading/trailing blank lines (spec "BlockStringValue").</summary>
    public static string DedentLines(IReadOnlyList<string> lines)
    {
        var commonIndent = int.MaxValue;
        int? firstNonEmptyLine = null;
        var lastNonEmptyLine = -1;
        for (var i = 0; i < lines.Count; ++i)
        {
            var line = lines[i];
            var indent = LeadingWhitespace(line);
            if (indent == line.Length) continue; // skip empty lines
            firstNonEmptyLine ??= i;
            lastNonEmptyLine = i;
            if (i != 0 && indent < commonIndent) commonIndent = indent;
        }
        if (firstNonEmptyLine is null) return "";
        var sb = new StringBuilder();
        for (var i = firstNonEmptyLine.Value; i <= lastNonEmptyLine; i++)
        {
            var line = lines[i];
            if (i != firstNonEmptyLine.Value) sb.Append('\n');
            sb.Append(i == 0 || commonIndent == int.MaxValue ? line : line.Length <= commonIndent ? "" : line[commonIndent..]);
        }
        return sb.ToString();
    }

    private static int LeadingWhitespace(string s)
    {
        var i = 0;
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t')) ++i;
        return i;
    }

    /// <summary>graphql-js isPrintableAsBlockString.</summary>
    public static bool IsPrintableAsBlockString(string value)
    {
        if (value == "") return true;
        var isEmptyLine = true;
        var hasIndent = false;
        var hasCommonIndent = true;
        var seenNonEmptyLine = false;
        for (var i = 0; i < value.Length; ++i)
        {
            switch (value[i])
            {
                case '\u0000': case '\u0001': case '\u0002': case '\u0003': case '\u0004': case '\u0005': case '\u0006': case '\u0007':
                case '\u0008': case '\u000b': case '\u000c': case '\u000e': case '\u000f':
                    return false; // has non-printable characters
                case '\r':
                    return false; // has \r or \r\n which will be replaced as \n
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine) return false; // has leading new line
                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t':
                case ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }
        if (isEmptyLine) return false; // has trailing empty lines
        if (hasCommonIndent && seenNonEmptyLine) return false; // has internal indent
        return true;
    }

    /// <summary>graphql-js printBlockString.</summary>
    public static string Print(string value, bool minimize = false)
    {
        var escapedValue = value.Replace("\"\"\"", "\\\"\"\"");
        var lines = escapedValue.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var isSingleLine = lines.Length == 1;
        var forceLeadingNewLine = lines.Length > 1 && lines.Skip(1).All(line => line.Length == 0 || line[0] == ' ' || line[0] == '\t');
        var hasTrailingTripleQuotes = escapedValue.EndsWith("\\\"\"\"", StringComparison.Ordinal);
        var hasTrailingQuote = value.EndsWith('"') && !hasTrailingTripleQuotes;
        var hasTrailingSlash = value.EndsWith('\\');
        var forceTrailingNewline = hasTrailingQuote || hasTrailingSlash;
        var printAsMultipleLines = !minimize && (!isSingleLine || value.Length > 70 || forceTrailingNewline || forceLeadingNewLine || hasTrailingTripleQuotes);
        var result = "";
        var skipLeadingNewLine = isSingleLine && value.Length > 0 && (value[0] == ' ' || value[0] == '\t');
        if ((printAsMultipleLines && !skipLeadingNewLine) || forceLeadingNewLine) result += "\n";
        result += escapedValue;
        if (printAsMultipleLines || forceTrailingNewline) result += "\n";
        return "\"\"\"" + result + "\"\"\"";
    }
}
