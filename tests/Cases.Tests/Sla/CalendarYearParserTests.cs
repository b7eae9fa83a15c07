using Cases.Sla;
using NodaTime;

namespace Cases.Tests.Sla;

public class CalendarYearParserTests
{
    private const string FileName = "calendar-2025.txt";

    private static CalendarYear Parse(params string[] lines) =>
        CalendarYearParser.Parse(FileName, new StringReader(string.Join("\n", lines)));

    [Fact]
    public void A_well_formed_file_gives_its_version_holidays_and_workdays()
    {
        var year = Parse(
            "# comment",
            "",
            "version 2025.1",
            "holiday 2025-01-01 New Year",
            "holiday 2025-01-27..2025-01-31 Tết Nguyên Đán",
            "workday 2025-04-26 make-up for 2025-05-02");

        Assert.Equal(2025, year.Year);
        Assert.Equal("2025.1", year.Version);
        Assert.Equal(FileName, year.FileName);
        Assert.Equal(6, year.Holidays.Count);
        Assert.Equal("Tết Nguyên Đán", year.Holidays[new LocalDate(2025, 1, 29)]);
        Assert.Equal("make-up for 2025-05-02", Assert.Single(year.Workdays).Value);
    }

    [Fact]
    public void Bridge_and_compensatory_days_are_days_off_of_their_kind_and_provisional_ones_are_marked()
    {
        var year = Parse(
            "version 2025.1",
            "holiday 2025-05-01 International Labour Day",
            "bridge 2025-05-02 swapped with Saturday 2025-04-26",
            "workday 2025-04-26 make-up for 2025-05-02",
            "provisional compensatory 2025-09-03 for a holiday on a Sunday");

        Assert.Equal(3, year.Holidays.Count);
        Assert.Equal(CalendarDayKind.Bridge, year.Kinds[new LocalDate(2025, 5, 2)]);
        Assert.Equal(CalendarDayKind.Compensatory, year.Kinds[new LocalDate(2025, 9, 3)]);
        Assert.Equal(CalendarDayKind.Workday, year.Kinds[new LocalDate(2025, 4, 26)]);
        Assert.Equal([new LocalDate(2025, 9, 3)], year.Provisional);
    }

    [Theory]
    [InlineData(3, "already listed as a holiday on line 2", "version 2025.1", "holiday 2025-01-01 New Year", "holiday 2025-01-01 New Year again")]
    [InlineData(3, "already listed as a holiday on line 2", "version 2025.1", "holiday 2025-01-27..2025-01-31 Tết", "holiday 2025-01-31..2025-02-01 longer Tết")]
    [InlineData(3, "already listed as a workday on line 2", "version 2025.1", "workday 2025-04-26 make-up", "workday 2025-04-26 make-up again")]
    [InlineData(2, "ends before it starts", "version 2025.1", "holiday 2025-01-31..2025-01-27 Tết")]
    [InlineData(3, "listed as a holiday on line 2 and as a workday here", "version 2025.1", "holiday 2025-04-26 bridge", "workday 2025-04-26 make-up")]
    [InlineData(3, "listed as a workday on line 2 and as a holiday here", "version 2025.1", "workday 2025-04-26 make-up", "holiday 2025-04-26 bridge")]
    [InlineData(2, "outside the file's year 2025", "version 2025.1", "holiday 2026-01-01 New Year")]
    [InlineData(2, "outside the file's year 2025", "version 2025.1", "holiday 2025-12-31..2026-01-01 New Year")]
    [InlineData(2, "not a date", "version 2025.1", "holiday 2025-02-30 no such day")]
    [InlineData(2, "not a date", "version 2025.1", "holiday 1/1/2025 New Year")]
    [InlineData(2, "needs a name", "version 2025.1", "holiday 2025-01-01")]
    [InlineData(2, "needs a note", "version 2025.1", "workday 2025-04-26")]
    [InlineData(2, "single date", "version 2025.1", "workday 2025-04-26..2025-04-27 make-up")]
    [InlineData(2, "Unknown directive 'holliday'", "version 2025.1", "holliday 2025-01-01 New Year")]
    [InlineData(2, "Unknown directive 'festival'", "version 2025.1", "festival 2025-01-01 New Year")]
    [InlineData(2, "Unknown kind of day 'festival' after 'provisional'", "version 2025.1", "provisional festival 2025-01-01 New Year")]
    [InlineData(2, "2025-04-24 is a Thursday: a make-up workday is a weekend day", "version 2025.1", "workday 2025-04-24 make-up")]
    [InlineData(2, "needs a name", "version 2025.1", "provisional bridge 2025-05-02")]
    [InlineData(2, "before 'holiday'", "# no version yet", "holiday 2025-01-01 New Year")]
    [InlineData(3, "given twice", "version 2025.1", "", "version 2025.2")]
    [InlineData(1, "not of the form", "version 2025")]
    [InlineData(1, "named for 2025", "version 2026.1")]
    [InlineData(1, "no 'version' line", "")]
    [InlineData(2, "no 'version' line", "# only comments", "# here")]
    public void A_malformed_file_is_refused_naming_the_file_and_line(int line, string problem, params string[] lines)
    {
        var error = Assert.Throws<CalendarDataException>(() => Parse(lines));

        Assert.Equal(FileName, error.FileName);
        Assert.Equal(line, error.LineNumber);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"{FileName}({line}): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_not_named_for_a_year_takes_its_year_from_the_version()
    {
        var year = CalendarYearParser.Parse("test.txt", new StringReader("version 2031.4\nholiday 2031-01-01 New Year"));

        Assert.Equal(2031, year.Year);
    }
}
