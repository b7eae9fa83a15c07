using Alba;
using Cases.Database;
using Cases.GraphQL.Host;
using Cases.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Cases.GraphQL.Tests.Host;

/// <summary>A database with every schema the host needs.</summary>
public sealed class HostDatabase : TestDatabase
{
    protected override IReadOnlyList<MigrationSet> Migrations => CasesApp.Migrations;
}

/// <summary>
/// The real app over the real HTTP pipeline, on a private database: an Alba host (<c>AlbaHost.For&lt;Program&gt;</c>),
/// with Marten's daemon and Wolverine running as in production.
/// </summary>
public sealed class CasesAppFactory(IAlbaHost host) : IAsyncDisposable
{
    public IAlbaHost Host => host;
    public IServiceProvider Services => host.Services;

    public static async Task<CasesAppFactory> StartAsync(string connectionString, Action<IWebHostBuilder>? configure = null) =>
        new(await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Cases", connectionString);
            configure?.Invoke(builder);
        }));

    public HttpClient CreateClient() => host.Server.CreateClient();

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
