using Cases.GraphQL.Seeding;
using Cases.GraphQL.Tests.Host;
using Cases.GraphQL.Tests.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Cases.GraphQL.Tests.Api;

/// <summary>
/// The real app over a private database seeded with a year of demo cases (<see cref="SeededDatabase.Options"/>)
/// and every agency of the province, projected before the first test: statistics with figures in most groups.
/// </summary>
public sealed class SeededApiFixture : IAsyncLifetime
{
    public HostDatabase Database { get; } = new();
    public CasesAppFactory App { get; private set; } = null!;

    /// <summary>The seed's twelve months, as the statistics arguments take them.</summary>
    public string From { get; } = Month(SeededDatabase.Options.ReferenceNow - Duration.FromDays(366));
    public string To { get; } = Month(SeededDatabase.Options.ReferenceNow);

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await SeededDatabase.SeedAsync(Database.DataSource, SeededDatabase.Options);
        App = await CasesAppFactory.StartAsync(Database.ConnectionString, b =>
            b.ConfigureServices(s => s.AddSingleton<IClock>(new NodaTime.Testing.FakeClock(SeededDatabase.Options.ReferenceNow))));
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await Client().Send("{ freshness { lagEvents } }")).Ok()["freshness"]!["lagEvents"]!.GetValue<int>() > 0)
        {
            if (DateTime.UtcNow > deadline) throw new Xunit.Sdk.XunitException("Projections did not catch up within 120 s.");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }

    public GraphQLClient Client() => new(App.CreateClient(), null);

    static string Month(Instant i) => i.InZone(DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"]).Date.ToYearMonth().ToString("yyyy-MM", null);
}
