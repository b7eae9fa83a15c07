using Cases.Places;
using NodaTime;

namespace Cases.GraphQL.Tests.Host;

/// <summary>Issue 24: the admin's <c>admin-map</c> verbs, run as the real executable against a private database.</summary>
public sealed class AdminMapCliTests(HostDatabase db) : IClassFixture<HostDatabase>
{
    Task<(int Exit, string Out, string Err)> Cli(params string[] args) => HostExecutable.RunAsync(db.ConnectionString, args);

    static string File(string name, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("admin-map-cli-").FullName, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>The map in force with a renamed utility, as a future version (nothing moves until it is in force).</summary>
    static string Future(string version, string effective = "2099-01-01", string? replace = null)
    {
        var inForce = MapLibrary.Embedded().InForce(SystemClock.Instance.GetCurrentInstant().InZone(Cases.Sla.WorkingCalendar.Zone).Date);
        var text = string.Join('\n', inForce.Content.Split('\n').Select(l =>
            l.StartsWith("version ") ? $"version {version}" : l.StartsWith("effective ") ? $"effective {effective}" : WithoutPredecessors(l)));
        return replace is null ? text : text.Replace(replace, "");
    }

    [Fact]
    public async Task Status_lists_the_versions_with_their_basis_and_every_provisional_fact()
    {
        var (exit, stdout, stderr) = await Cli("admin-map", "status");
        Assert.True(exit == 0, stderr);
        var inForce = MapLibrary.Embedded().InForce(SystemClock.Instance.GetCurrentInstant().InZone(Cases.Sla.WorkingCalendar.Zone).Date);
        Assert.Contains($"* {inForce.Version}", stdout, StringComparison.Ordinal);
        Assert.Contains("basis: ", stdout, StringComparison.Ordinal);
        Assert.Contains("provisional facts: ", stdout, StringComparison.Ordinal);
        foreach (var v in MapLibrary.EmbeddedVersions())
            foreach (var p in v.Provisional) Assert.Contains($"provisional {v.FileName} {p}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_stores_a_future_version_that_moves_nothing_yet_and_a_wrong_file_is_refused_with_its_line()
    {
        var (exit, stdout, stderr) = await Cli("admin-map", "import", File("map-2099-01.txt", Future("2099.01")));
        Assert.True(exit == 0, stderr);
        Assert.Contains("version 2099.01 stored, in force from 2099-01-01", stdout, StringComparison.Ordinal);
        Assert.Contains("not in force yet", stdout, StringComparison.Ordinal);
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from cases.admin_maps where version = '2099.01'"));

        // The same version again, and a file whose agency disappears with no successor: refused, nothing stored.
        Assert.Equal(1, (await Cli("admin-map", "import", File("map-2099-01.txt", Future("2099.01")))).Exit);
        var orphan = await Cli("admin-map", "import", File("map-2099-02.txt", Future("2099.02", "2099-02-01").Replace("\nagency hepco ", "\n# agency hepco ")));
        Assert.Equal(1, orphan.Exit);
        Assert.Contains("admin-map import: refused, nothing changed: map-2099-02.txt:", orphan.Err, StringComparison.Ordinal);
        Assert.Contains("'hepco'", orphan.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", orphan.Err, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from cases.admin_maps where version = '2099.02'"));
        Assert.Equal(1, (await Cli("admin-map", "import", "/no/such/map.txt")).Exit);
    }

    [Fact]
    public async Task Check_reads_files_without_a_database_and_an_unknown_verb_lists_the_verbs()
    {
        var ok = await Cli("admin-map", "check", File("map-2099-03.txt", Future("2099.03", "2099-03-01")));
        Assert.True(ok.Exit == 0, ok.Err);
        var bad = await Cli("admin-map", "check", File("map-x.txt", "version 1\neffective 2025-13-01\n"));
        Assert.Equal(1, bad.Exit);
        Assert.Contains("map-x.txt:2: '2025-13-01' is not a date", bad.Err, StringComparison.Ordinal);

        var unknown = await Cli("admin-map", "reorganize-all");
        Assert.Equal(2, unknown.Exit);
        Assert.Contains("reorganise", unknown.Err + unknown.Out, StringComparison.Ordinal);
    }

    /// <summary>A line of the map in force, carried into the next version as it is: its predecessors were the version before's.</summary>
    static string WithoutPredecessors(string line) => System.Text.RegularExpressions.Regex.Replace(line, @" \| from [^|]*", "");
}
