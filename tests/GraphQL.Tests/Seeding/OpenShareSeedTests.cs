using Cases.EventStore;
using Cases.GraphQL.Seeding;
using Cases.GraphQL.Tests.Host;

namespace Cases.GraphQL.Tests.Seeding;

/// <summary>
/// <c>seed --open-share</c> (the console benchmark's seed): that share of the cases stops at a stage of work, so a
/// load test reaches many open cases without seeding twenty times as many, written as the bulk seed writes any case.
/// </summary>
public sealed class OpenShareSeedTests : IAsyncLifetime
{
    readonly HostDatabase db = new(), plainDb = new();

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        await plainDb.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await db.DisposeAsync();
        await plainDb.DisposeAsync();
    }

    [Fact]
    public async Task Most_cases_stay_open_at_each_stage_of_work_and_their_chains_verify()
    {
        var options = new SeedOptions { Cases = 400, Seed = 11, OpenShare = 0.9 };
        var summary = await DemoData.BulkSeedAsync(db.DataSource, options);
        var plain = await DemoData.BulkSeedAsync(plainDb.DataSource, options with { OpenShare = 0 });

        Assert.True(summary.Open >= 0.88 * options.Cases, $"{summary.Open} of {options.Cases} open");
        Assert.True(summary.Open > 3 * plain.Open, $"{summary.Open} open with the share, {plain.Open} without");
        foreach (var status in new[] { "received", "verified", "assigned", "in_progress" })
            Assert.True(summary.ByKindAndStatus.Where(k => k.Key.EndsWith("/" + status, StringComparison.Ordinal)).Sum(k => k.Value) > 0, $"some cases stop {status}");
        // Written as any bulk-seeded case: the store says the same, and every chain verifies.
        var read = await SeededDatabase.ReadSummaryAsync(db.DataSource, options.ReferenceNow);
        Assert.Equal(summary.Open, read.Open);
        var chain = await new ChainVerifier(db.DataSource).VerifyAllAsync();
        Assert.True(chain.Valid, string.Join("; ", chain.Breaks.Take(3)));
        Assert.Equal(options.Cases, chain.StreamsChecked);
    }
}
