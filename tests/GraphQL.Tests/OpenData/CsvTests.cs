using System.Text;
using Cases.GraphQL.OpenData;

namespace Cases.GraphQL.Tests.OpenData;

/// <summary>What a spreadsheet opening the open-data CSV would do with a field.</summary>
public class CsvTests
{
    static string Field(string value)
    {
        var sb = new StringBuilder();
        Csv.Append(sb, value);
        return sb.ToString();
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+84 905 123", "'+84 905 123")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-cmd", "'-cmd")]
    public void A_citizens_text_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(string value, string written) =>
        Assert.Equal(written, Field(value));

    [Theory]
    [InlineData("-3.5", "-3.5")]
    [InlineData("Ổ gà, rất sâu", "\"Ổ gà, rất sâu\"")]
    [InlineData("HUE-2026-000123", "HUE-2026-000123")]
    public void Numbers_and_ordinary_text_are_written_as_they_are(string value, string written) =>
        Assert.Equal(written, Field(value));
}
