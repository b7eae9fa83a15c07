using Cases.EventStore;
using Marten;
using Npgsql;

namespace Cases.Database;

/// <summary>
/// Brings a database to the current schema: the app's numbered migrations (what Marten does not own), then
/// Marten's own tables and functions, built and upgraded by Weasel from <see cref="CasesStore"/>'s configuration.
/// Wolverine's tables are built by Wolverine when a host starts.
/// </summary>
public static class CasesSchema
{
    /// <summary>Bump when Marten's configuration changes the tables it builds, so test templates are rebuilt.</summary>
    const string MartenSchemaVersion = "m2";

    public static async Task<IReadOnlyList<string>> MigrateAsync(NpgsqlDataSource db, IEnumerable<MigrationSet> sets, CancellationToken ct = default)
    {
        var applied = await Migrator.ApplyAsync(db, sets, ct);
        await using var store = CasesStore.For(db);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return applied;
    }

    /// <summary>A short digest of everything that shapes the schema: equal fingerprints mean equal schemas.</summary>
    public static string Fingerprint(IEnumerable<MigrationSet> sets) =>
        Migrator.Fingerprint(sets) + "_" + MartenSchemaVersion;
}
