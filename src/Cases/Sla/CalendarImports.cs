using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Cases.Sla;

/// <summary>
/// The calendar versions the center imported, in <c>cases.calendar_years</c> (migration 0003). A file is parsed
/// and checked in full before anything is stored, so a refused file changes nothing.
/// </summary>
public static class CalendarImports
{
    /// <summary>Every imported version, parsed (each was validated when it was imported).</summary>
    public static async Task<IReadOnlyList<CalendarYear>> LoadAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        var years = new List<CalendarYear>();
        await using var cmd = db.CreateCommand("select file_name, content from cases.calendar_years order by year, revision");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            years.Add(CalendarYearParser.Parse(r.GetString(0), new StringReader(r.GetString(1))));
        return years;
    }

    /// <summary>
    /// Validates <paramref name="content"/> and stores it as the next version of its year.
    /// </summary>
    /// <exception cref="CalendarDataException">The file is malformed (naming the line), or its version is not
    /// newer than the version in force for its year.</exception>
    public static async Task<CalendarYear> ImportAsync(
        NpgsqlDataSource db, CalendarLibrary library, string fileName, string content, string importedBy, CancellationToken ct = default)
    {
        var year = CalendarYearParser.Parse(fileName, new StringReader(content));
        if (library.InForceFor(year.Year) is { } inForce && CalendarLibrary.Revision(year.Version) <= CalendarLibrary.Revision(inForce.Version))
            throw new CalendarDataException(fileName, VersionLine(content),
                $"Version {year.Version} is not newer than {inForce.Version}, the version in force for {year.Year}; raise the revision.");

        await using var cmd = db.CreateCommand("""
            insert into cases.calendar_years (year, version, revision, file_name, content, sha256, imported_by)
            values ($1, $2, $3, $4, $5, $6, $7)
            """);
        cmd.Parameters.AddWithValue(year.Year);
        cmd.Parameters.AddWithValue(year.Version);
        cmd.Parameters.AddWithValue(CalendarLibrary.Revision(year.Version));
        cmd.Parameters.AddWithValue(fileName);
        cmd.Parameters.AddWithValue(content);
        cmd.Parameters.AddWithValue(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content))));
        cmd.Parameters.AddWithValue(importedBy);
        try
        {
            await cmd.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another node (or a repeated request) imported this version a moment ago.
            throw new CalendarDataException(fileName, VersionLine(content), $"Version {year.Version} was already imported.");
        }

        return year;
    }

    private static int VersionLine(string content)
    {
        var lines = content.Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith("version", StringComparison.Ordinal));
        return index < 0 ? 1 : index + 1;
    }
}
