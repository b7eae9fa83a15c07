using Cases.Database;
using Cases.Testing;

namespace Cases.Tests.EventStore;

public class MigratorTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>
{
    static readonly MigrationSet Broken = new("broken", typeof(MigratorTests).Assembly, "Cases.Tests.EventStore.BadMigrations.");

    [Fact]
    public async Task A_second_run_applies_nothing()
    {
        Assert.Empty(await Migrator.ApplyAsync(db.DataSource, [Migrator.Cases]));
        Assert.True(await db.ScalarAsync<long>("select count(*) from cases.schema_migrations where id like 'cases/%'") >= 1);
    }

    [Fact]
    public async Task A_failed_migration_leaves_the_schema_as_it_was_and_names_the_file_and_line()
    {
        var e = await Assert.ThrowsAsync<MigrationException>(() => Migrator.ApplyAsync(db.DataSource, [Broken]));
        Assert.Contains("0002_broken.sql", e.Message);
        Assert.Contains("line 4", e.Message);
        Assert.Equal(1, await db.ScalarAsync<long>("select count(*) from cases.schema_migrations where id like 'broken/%'"));
        Assert.Null(await db.ScalarAsync<string>("select to_regclass('cases.half_done')::text"));
        Assert.NotNull(await db.ScalarAsync<string>("select to_regclass('cases.first_ok')::text"));
    }
}
