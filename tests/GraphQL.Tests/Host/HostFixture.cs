using Cases.Database;
using Cases.GraphQL.Host;
using Cases.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cases.GraphQL.Tests.Host;

/// <summary>A database with every schema the host needs.</summary>
public sealed class HostDatabase : TestDatabase
{
    protected override IReadOnlyList<MigrationSet> Migrations => CasesApp.Migrations;
}

/// <summary>The real app over the real HTTP pipeline, on a private database.</summary>
public sealed class CasesAppFactory(string connectionString, Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Cases", connectionString);
        configure?.Invoke(builder);
    }
}
