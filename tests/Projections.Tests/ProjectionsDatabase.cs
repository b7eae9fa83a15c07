using Cases.Database;
using Cases.Projections;

namespace Cases.Testing;

/// <summary>A database with the event store's and the read side's schemas.</summary>
public sealed class ProjectionsDatabase : TestDatabase
{
    protected override IReadOnlyList<MigrationSet> Migrations => [Migrator.Cases, ProjectionsMigrations.Set];
}
