using Cases.Domain;
using Cases.Projections.ReadApi;
using Cases.Testing;
using NodaTime;
using static Cases.Domain.CaseEvent;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.ReadApi;

public class PublicCaseQueriesTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>, IAsyncLifetime
{
    readonly Node node = Node.For(db);
    CaseStreams Streams => node.Streams;

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await node.DisposeAsync();
    PublicCaseQueries Queries => new(db.DataSource);
    static string NewWard() => "ward-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Pages_walk_the_list_newest_first_with_a_stable_tie_break_and_no_repeats()
    {
        var ward = NewWard();
        var cases = new List<(Instant At, string Code)>();
        for (var i = 0; i < 7; i++)
        {
            var at = H(i % 3); // several cases share a receipt time: the tracking code breaks the tie
            var code = NewCode();
            cases.Add((at, code));
            await Streams.NewAsync(Report(code, at, ward: ward));
        }
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var expected = cases.OrderByDescending(c => c.At).ThenBy(c => c.Code, StringComparer.Ordinal).Select(c => c.Code).ToList();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        while (true)
        {
            var page = await Queries.ListAsync(new PublicCaseFilter(Ward: ward), new PageRequest(3, cursor, IncludeTotal: true));
            pages++;
            Assert.Equal(7L, page.TotalCount);
            seen.AddRange(page.Items.Select(c => c.TrackingCode));
            if (!page.HasNextPage) break;
            cursor = page.EndCursor;
        }
        Assert.Equal(3, pages);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Filters_narrow_the_list_by_kind_category_agency_status_and_receipt_time()
    {
        var ward = NewWard();
        var resolved = NewCode();
        await Streams.NewAsync([.. FullLifecycle(resolved, "so-cong-thuong", ward: ward)]);
        var rejected = NewCode();
        await Streams.NewAsync(Report(rejected, H(10), category: "traffic_infrastructure", ward: ward), new CaseRejected(H(11), "Sai."));
        var confidential = NewCode();
        await Streams.NewAsync(Report(confidential, H(5), category: CaseDecider.MisconductCategory, ward: ward));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        async Task<List<string>> Codes(PublicCaseFilter f) =>
            (await Queries.ListAsync(f with { Ward = ward }, new PageRequest(50))).Items.Select(c => c.TrackingCode).ToList();
        Assert.Equal([rejected, resolved], await Codes(new PublicCaseFilter()));
        Assert.Equal([rejected], await Codes(new PublicCaseFilter(Category: "traffic_infrastructure")));
        Assert.Equal([resolved], await Codes(new PublicCaseFilter(Agency: "so-cong-thuong")));
        Assert.Equal([resolved], await Codes(new PublicCaseFilter(Status: PublicStatus.Resolved)));
        Assert.Equal([rejected], await Codes(new PublicCaseFilter(ReceivedFrom: H(1), ReceivedTo: H(11))));
        Assert.Empty(await Codes(new PublicCaseFilter(Kind: CaseKind.Dossier)));
    }

    [Fact]
    public async Task One_case_reads_with_its_timeline_and_a_confidential_one_is_not_found()
    {
        var code = NewCode();
        var secret = NewCode();
        await Streams.NewAsync(FullLifecycle(code));
        await Streams.NewAsync(Report(secret, category: CaseDecider.MisconductCategory));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var detail = await Queries.GetAsync(code);
        Assert.NotNull(detail);
        Assert.Equal(PublicStatus.Resolved, detail.Case.Status);
        Assert.Equal(CaseKind.FieldReport, detail.Case.Kind);
        Assert.Equal(Channel.App, detail.Case.Channel);
        Assert.Equal(new GeoPoint(16.464, 107.59), detail.Case.Location);
        Assert.False(detail.Case.OnTime);
        Assert.Equal(9, detail.Timeline.Count);
        Assert.Equal("resolved", detail.Timeline[7].Step);
        Assert.Equal(H(96), detail.Timeline[7].OccurredAt);
        Assert.Null(await Queries.GetAsync(secret));
        Assert.Null(await Queries.GetAsync("HUE-NO-SUCH-CASE"));
    }

    [Fact]
    public async Task A_cursor_that_was_not_issued_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Queries.ListAsync(new PublicCaseFilter(), new PageRequest(10, "not-a-cursor")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Queries.ListAsync(new PublicCaseFilter(), new PageRequest(1000)));
    }
}
