using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Cases.GraphQL.Tests.Host;

public class SchemaTests(HostDatabase db) : IClassFixture<HostDatabase>
{
    /// <summary>
    /// The migration builds every table the running app's store needs, Wolverine's included. A table left for Marten
    /// to build at first use was built by two nodes at once on a fresh database, and one citizen's submission failed.
    /// </summary>
    [Fact]
    public async Task A_migrated_database_already_has_every_table_the_running_app_uses()
    {
        await using var app = await CasesAppFactory.StartAsync(db.ConnectionString);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync();
    }
}
