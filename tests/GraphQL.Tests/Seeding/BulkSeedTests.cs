using Cases.EventStore;
using Cases.GraphQL.Seeding;
using Cases.GraphQL.Tests.Host;

namespace Cases.GraphQL.Tests.Seeding;

/// <summary>
/// <c>seed --bulk</c> writes with COPY what the workflow seed sends command by command: for the same options the
/// store must hold the same cases, event for event (only ids, tracking numbers and reporter references differ).
/// </summary>
public sealed class BulkSeedTests(SeededDatabase workflow) : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    readonly HostDatabase bulk = new();
    SeedSummary summary = null!;

    public async Task InitializeAsync()
    {
        await bulk.InitializeAsync();
        summary = await DemoData.BulkSeedAsync(bulk.DataSource, SeededDatabase.Options);
    }

    public Task DisposeAsync() => bulk.DisposeAsync();

    [Fact]
    public async Task The_bulk_seed_reports_and_stores_what_the_workflow_seed_does()
    {
        Assert.Equal(workflow.Summary.ByKindAndStatus, summary.ByKindAndStatus);
        Assert.Equal(workflow.Summary with { ByKindAndStatus = summary.ByKindAndStatus, ByCategory = summary.ByCategory }, summary);
        var read = await SeededDatabase.ReadSummaryAsync(bulk.DataSource, SeededDatabase.Options.ReferenceNow);
        Assert.Equal(summary with { ByKindAndStatus = read.ByKindAndStatus, ByCategory = read.ByCategory }, read);
        Assert.Equal(summary.ByCategory, read.ByCategory);
    }

    [Fact]
    public async Task Every_case_has_the_same_history_as_through_the_workflow_and_its_chain_verifies()
    {
        Assert.Equal(await HistoriesAsync(workflow.Database), await HistoriesAsync(bulk));
        var chain = await new ChainVerifier(bulk.DataSource).VerifyAllAsync();
        Assert.True(chain.Valid, string.Join("; ", chain.Breaks.Take(3)));
        Assert.Equal(SeededDatabase.Options.Cases, chain.StreamsChecked);
    }

    [Fact]
    public async Task Duplicates_point_at_real_cases_and_tracking_codes_are_unique_and_follow_the_sequence()
    {
        Assert.Equal(0L, await bulk.ScalarAsync<long>("""
            select count(*) from cases.mt_events d where d.type = 'duplicate_linked'
            and not exists (select 1 from cases.mt_streams s where s.id = (d.data->>'masterId')::uuid)
            """));
        Assert.Equal((long)SeededDatabase.Options.Cases, await bulk.ScalarAsync<long>("select count(distinct data->>'trackingCode') from cases.mt_doc_caseidentity"));
        // The next case submitted through the workflow takes a number after the bulk ones.
        var highest = await bulk.ScalarAsync<long>("select max(split_part(data->>'trackingCode', '-', 3)::bigint) from cases.mt_doc_caseidentity");
        Assert.Equal(highest + 1, await bulk.ScalarAsync<long>("select nextval('cases.tracking_numbers')"));
        // Reporters' contacts are stored apart from the events, as the workflow does it.
        Assert.Equal(
            await workflow.Database.ScalarAsync<long>("select count(*) from cases.reporters"),
            await bulk.ScalarAsync<long>("select count(*) from cases.reporters"));
    }

    /// <summary>Each case as its events' types, instants and actors' roles, in a canonical order.</summary>
    static async Task<List<string>> HistoriesAsync(HostDatabase db)
    {
        return (await SeededDatabase.ReadStreamsAsync(db.DataSource))
            .Select(s => string.Join(" | ", s.Select(e => $"{e.Type}@{e.OccurredAt}/{e.Metadata.ActorRole}/{e.Metadata.Command}")))
            .Order(StringComparer.Ordinal).ToList();
    }
}
