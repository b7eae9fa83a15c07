using Cases.Sla;
using NodaTime;

namespace Cases.GraphQL.Tests.Host;

/// <summary>The admin's <c>calendar</c> verbs, run as the real executable against a private database.</summary>
public sealed class CalendarCliTests(HostDatabase db) : IClassFixture<HostDatabase>
{
    Task<(int Exit, string Out, string Err)> Cli(params string[] args) => HostExecutable.RunAsync(db.ConnectionString, args);

    static string File(string name, string content)
    {
        var dir = Directory.CreateTempSubdirectory("calendar-cli-");
        var path = Path.Combine(dir.FullName, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Import_stores_a_valid_year_and_status_shows_it_with_its_provisional_days()
    {
        var (exit, stdout, stderr) = await Cli("calendar", "import", File("calendar-2031.txt", "version 2031.1\nholiday 2031-01-01 New Year\nprovisional holiday 2031-09-01..2031-09-02 National Day\n"));

        Assert.True(exit == 0, stderr);
        Assert.Contains("2031 version 2031.1 stored (3 days off, 0 make-up days, 2 provisional)", stdout, StringComparison.Ordinal);
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from cases.calendar_years where version = '2031.1'"));

        var status = await Cli("calendar", "status");
        var expected = CalendarCoverage.Of(CalendarLibrary.Embedded(), SystemClock.Instance.GetCurrentInstant());
        Assert.Equal(expected.Warning ? 2 : 0, status.Exit);
        Assert.Contains("2031  version 2031.1", status.Out, StringComparison.Ordinal);
        Assert.Contains(expected.Message, status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_file_exits_non_zero_naming_the_line_and_stores_nothing()
    {
        var (exit, stdout, stderr) = await Cli("calendar", "import", File("calendar-2032.txt", "version 2032.1\nworkday 2032-01-07 make-up\n"));

        Assert.Equal(1, exit);
        Assert.Contains("calendar import: refused, nothing changed: calendar-2032.txt(2): 2032-01-07 is a Wednesday", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // no stack trace
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from cases.calendar_years where year = 2032"));
        Assert.Equal(1, (await Cli("calendar", "import", "/no/such/calendar-2033.txt")).Exit);
    }
}
