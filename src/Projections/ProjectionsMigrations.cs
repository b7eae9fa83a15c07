using Cases.Database;

namespace Cases.Projections;

/// <summary>The read side's schema (DESIGN 5): numbered SQL files in <c>Migrations/</c>, applied after the event store's.</summary>
public static class ProjectionsMigrations
{
    public static readonly MigrationSet Set = new("projections", typeof(ProjectionsMigrations).Assembly, "Cases.Projections.Migrations.");
}
