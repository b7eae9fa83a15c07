using System.Security.Cryptography;
using System.Text;
using NodaTime;
using Npgsql;

namespace Cases.Places;

/// <summary>
/// Where the map versions come from: the files shipped in the assembly (<c>Places/Data/map-*.txt</c>) and the ones
/// the center imported into <c>cases.admin_maps</c> (migration 0009). Like the calendar's, an import is parsed and
/// checked in full, against every version before and after it, before anything is stored: a refused file changes nothing.
/// </summary>
public static class MapLibrary
{
    const string ResourcePrefix = "Cases.Places.Data.";

    /// <summary>Huế's bounding box with a small margin (the default of <c>Province:Bounds</c>).</summary>
    public static readonly AdministrativeMap.Bounds HueBounds = new(15.95, 16.80, 107.00, 108.30);

    static readonly Lazy<IReadOnlyList<MapVersion>> Shipped = new(() =>
    {
        var assembly = typeof(MapLibrary).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix + "map-", StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!, Encoding.UTF8);
                return MapFile.Parse(n[ResourcePrefix.Length..], reader.ReadToEnd());
            }).ToList();
    });

    static readonly Lazy<AdministrativeMaps> ShippedMaps = new(() => AdministrativeMaps.Build(Shipped.Value, HueBounds));

    /// <summary>The versions shipped with the code, checked together.</summary>
    public static AdministrativeMaps Embedded() => ShippedMaps.Value;

    public static IReadOnlyList<MapVersion> EmbeddedVersions() => Shipped.Value;

    /// <summary>The shipped versions (or <paramref name="shipped"/>) and every imported one, checked together.</summary>
    public static async Task<AdministrativeMaps> LoadAsync(NpgsqlDataSource db, AdministrativeMap.Bounds bounds,
        IReadOnlyList<MapVersion>? shipped = null, CancellationToken ct = default)
    {
        var all = (shipped ?? Shipped.Value).ToDictionary(v => v.Version, StringComparer.Ordinal);
        await using var cmd = db.CreateCommand("select file_name, content from cases.admin_maps order by effective, version");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var v = MapFile.Parse(r.GetString(0), r.GetString(1));
            all[v.Version] = v;
        }
        return AdministrativeMaps.Build(all.Values, bounds);
    }

    /// <summary>Validates <paramref name="content"/> against <paramref name="maps"/> and stores it as a new version.</summary>
    /// <exception cref="MapDataException">The file is malformed, contradicts itself or the versions around it, or its version exists.</exception>
    public static async Task<(MapVersion Version, AdministrativeMaps Maps)> ImportAsync(
        NpgsqlDataSource db, AdministrativeMaps maps, string fileName, string content, string importedBy, CancellationToken ct = default)
    {
        var v = MapFile.Parse(fileName, content);
        if (maps.Versions.Any(x => x.Version == v.Version))
            throw new MapDataException(fileName, 1, $"Version {v.Version} is already known; a new version needs a new number.");
        var next = maps.With(v);
        await using var cmd = db.CreateCommand("""
            insert into cases.admin_maps (version, effective, file_name, content, sha256, imported_by)
            values ($1, $2, $3, $4, $5, $6)
            """);
        cmd.Parameters.AddWithValue(v.Version);
        cmd.Parameters.AddWithValue(v.Effective.ToDateOnly());
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
            throw new MapDataException(fileName, 1, $"Version {v.Version} was already imported.");
        }
        return (v, next);
    }

    /// <summary>
    /// Brings <c>cases.agencies</c> to the map in force on <paramref name="today"/>: every agency of every version up
    /// to it, with its latest names; ended ones keep their row with the day they ended and their successor now.
    /// Idempotent; every node runs it when the maps change.
    /// </summary>
    public static async Task SyncAgenciesAsync(NpgsqlDataSource db, AdministrativeMaps maps, LocalDate today, CancellationToken ct = default)
    {
        var rows = maps.AllAgencies(today).ToList();
        await using var cmd = db.CreateCommand("""
            insert into cases.agencies (id, name, name_en, kind, ward, area, ended_on, successor)
            select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::text[])
            on conflict (id) do update set name = excluded.name, name_en = excluded.name_en, kind = excluded.kind,
                ward = excluded.ward, area = excluded.area, ended_on = excluded.ended_on, successor = excluded.successor
            where (agencies.name, agencies.name_en, agencies.kind, agencies.ward, agencies.area, agencies.ended_on, agencies.successor)
                is distinct from (excluded.name, excluded.name_en, excluded.kind, excluded.ward, excluded.area, excluded.ended_on, excluded.successor)
            """);
        string? WardName(MapAgency a) => a.Area is { } code
            ? maps.Versions.SelectMany(v => v.Areas).LastOrDefault(x => x.Code == code && AreaLevels.IsWardLevel(x.Level))?.Name
            : null;
        cmd.Parameters.AddWithValue(rows.Select(r => r.Agency.Id).ToArray());
        cmd.Parameters.AddWithValue(rows.Select(r => r.Agency.Name).ToArray());
        cmd.Parameters.AddWithValue(rows.Select(r => r.Agency.NameEn).ToArray());
        cmd.Parameters.AddWithValue(rows.Select(r => r.Agency.Kind).ToArray());
        cmd.Parameters.AddWithValue(rows.Select(r => WardName(r.Agency)).ToArray());
        cmd.Parameters.AddWithValue(rows.Select(r => r.Agency.Area).ToArray());
        cmd.Parameters.AddWithValue(rows.Select(r => r.EndedOn?.ToDateOnly()).ToArray());
        cmd.Parameters.AddWithValue(rows.Select(r => r.Successor).ToArray());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
