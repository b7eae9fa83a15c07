using Cases.Testing;
using NodaTime;
using static Cases.Domain.CaseEvent;
using static Cases.Projections.Tests.CaseStreams;

namespace Cases.Projections.Tests.Queues;

public class AgencyQueuesProjectionTests(ProjectionsDatabase db) : IClassFixture<ProjectionsDatabase>, IAsyncLifetime
{
    readonly Node node = Node.For(db);
    CaseStreams Streams => node.Streams;

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await node.DisposeAsync();

    static DateTime Utc(Instant i) => i.ToDateTimeUtc();

    [Fact]
    public async Task An_assigned_case_sits_in_its_lead_agency_s_queue_until_it_is_resolved()
    {
        var id = await Streams.NewAsync(
            Report(NewCode()),
            new CaseVerified(H(1), null),
            new CaseAssigned(H(2), "so-giao-thong", ["ubnd-phu-hoi"], H(42), H(4), "test-1", "elapsed-time"));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var q = await Rows.OneAsync(db, "select * from projections.agency_queues where case_id = $1", id);
        Assert.Equal(true, q!["open"]);
        Assert.Equal("so-giao-thong", q["agency"]);
        Assert.Equal(new[] { "ubnd-phu-hoi" }, q["supporting_agencies"]);
        Assert.Equal("assigned", q["status"]);
        Assert.Equal(Utc(H(4)), q["accept_due_at"]);
        Assert.Equal(Utc(H(42)), q["effective_due_at"]);
        Assert.Equal(Utc(H(34)), q["due_soon_at"]); // 20 % of the 40 h it was given

        await Streams.AppendAsync(id,
            new AssignmentAccepted(H(3), "so-giao-thong"),
            new ExtensionGranted(H(10), H(52), "Chờ vật tư."),
            new CaseTransferred(H(11), "so-giao-thong", "ubnd-thuan-hoa", "Đúng thẩm quyền."));
        await node.CaughtUpAsync();
        q = await Rows.OneAsync(db, "select * from projections.agency_queues where case_id = $1", id);
        Assert.Equal("ubnd-thuan-hoa", q!["agency"]);
        Assert.Equal(Utc(H(52)), q["effective_due_at"]);
        Assert.Equal(false, q["accepted"]);

        await Streams.AppendAsync(id, new AssignmentAccepted(H(12), "ubnd-thuan-hoa"), new CaseResolved(H(20), "ubnd-thuan-hoa", "Xong.", [], H(52), true));
        await node.CaughtUpAsync();
        Assert.False(await db.ScalarAsync<bool>("select open from projections.agency_queues where case_id = $1", id));
    }

    [Fact]
    public async Task A_declined_assignment_leaves_the_queue()
    {
        var id = await Streams.NewAsync(
            Report(NewCode()),
            new CaseVerified(H(1), null),
            new CaseAssigned(H(2), "so-xay-dung", [], H(42), H(4), "test-1", "elapsed-time"),
            new AssignmentDeclined(H(3), "so-xay-dung", "Không thuộc thẩm quyền."));
        await node.StartDaemonAsync();
        await node.CaughtUpAsync();

        var q = await Rows.OneAsync(db, "select open, agency, status from projections.agency_queues where case_id = $1", id);
        Assert.Equal(false, q!["open"]);
        Assert.Null(q["agency"]);
        Assert.Equal("verified", q["status"]);
    }
}
