using Cases.Domain;
using Npgsql;

namespace Cases.Sla;

/// <summary>
/// The SLA rules new clocks are computed with, which change when the center imports a calendar version. Handlers
/// take <see cref="Current"/> once per command, so one decision never mixes two calendars.
/// <para>
/// Each node reloads the imported versions at start and every <c>Calendar:RefreshSeconds</c> (see
/// <c>CalendarRefresh</c>); the node that imports switches at once.
/// </para>
/// </summary>
public sealed class SlaRulesSource(ISlaRules initial)
{
    private volatile ISlaRules current = initial;

    public ISlaRules Current => current;

    private volatile Cases.Places.AdministrativeMaps places = Cases.Places.MapLibrary.Embedded();

    /// <summary>
    /// The administrative map's versions (issue 24): the shipped files and every imported one. Refreshed with the
    /// calendar; a command takes the map in force on its own date from it.
    /// </summary>
    public Cases.Places.AdministrativeMaps Places => places;

    /// <summary>Where the maps come from: the shipped files, or a province's own (<c>Province:MapDirectory</c>).</summary>
    public IReadOnlyList<Cases.Places.MapVersion>? ShippedMaps { get; init; }

    /// <summary>The province's bounding box (<c>Province:Bounds</c>).</summary>
    public Cases.Places.AdministrativeMap.Bounds Bounds { get; init; } = Cases.Places.MapLibrary.HueBounds;

    /// <summary>Reloads the map versions (shipped and imported); true when they changed.</summary>
    public async Task<bool> RefreshPlacesAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        var loaded = await Cases.Places.MapLibrary.LoadAsync(db, Bounds, ShippedMaps, ct);
        var changed = !loaded.Versions.Select(v => v.Version).SequenceEqual(places.Versions.Select(v => v.Version));
        places = loaded;
        return changed;
    }

    /// <summary>Imports a map file and switches this node to it; see <see cref="Cases.Places.MapLibrary.ImportAsync"/>.</summary>
    public async Task<Cases.Places.MapVersion> ImportMapAsync(NpgsqlDataSource db, string fileName, string content, string importedBy, CancellationToken ct = default)
    {
        await RefreshPlacesAsync(db, ct); // judge against what another node may have imported
        var (version, maps) = await Cases.Places.MapLibrary.ImportAsync(db, places, fileName, content, importedBy, ct);
        places = maps;
        return version;
    }

    /// <summary>The real rules, when <see cref="Current"/> is not a test's fixed policy.</summary>
    public SlaRules? Real => current as SlaRules;

    /// <summary>The working-time calendar in force; the shipped one when the rules are a test's fixed policy.</summary>
    public WorkingCalendar Calendar => Real?.Calendar ?? Shipped.Value;

    /// <summary>The calendar versions known; the shipped ones alone under a test's fixed policy.</summary>
    public CalendarLibrary Library => Real?.Library ?? CalendarLibrary.Embedded();

    private static readonly Lazy<WorkingCalendar> Shipped = new(() => WorkingCalendar.LoadEmbedded(UncoveredYears.AssumeNoHolidays));

    /// <summary>Rebuilds the rules from the embedded files and every imported version. A no-op for fixed test rules.</summary>
    public async Task RefreshAsync(NpgsqlDataSource db, CancellationToken ct = default)
    {
        if (Real is not { } rules) return;
        var library = CalendarLibrary.Embedded(rules.Calendar.Week).WithAll(await CalendarImports.LoadAsync(db, ct));
        Use(library, rules.Policies);
    }

    /// <summary>Imports a calendar file and switches this node to it; see <see cref="CalendarImports.ImportAsync"/>.</summary>
    /// <exception cref="CalendarDataException">The file is refused; nothing changed.</exception>
    /// <exception cref="InvalidOperationException">The rules are a test's fixed policy, which has no calendar.</exception>
    public async Task<CalendarYear> ImportAsync(NpgsqlDataSource db, string fileName, string content, string importedBy, CancellationToken ct = default)
    {
        await RefreshAsync(db, ct); // judge "newer" against what another node may have imported
        var rules = Real ?? throw new InvalidOperationException("These SLA rules have no calendar to import into.");
        var year = await CalendarImports.ImportAsync(db, rules.Library!, fileName, content, importedBy, ct);
        Use(rules.Library!.With(year), rules.Policies);
        return year;
    }

    private void Use(CalendarLibrary library, SlaPolicies policies)
    {
        if (Real is { } now && now.CalendarVersion == string.Join("+", library.InForce.Select(y => y.Version))
            && now.Library!.All.Count() == library.All.Count())
            return;
        current = SlaRules.For(library, policies);
    }
}
