namespace Cases.GraphQL.Tests.Api;

/// <summary>A whole field report through GraphQL alone, then the auditor's replay of it.</summary>
public class FieldReportJourneyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    readonly Lifecycle life = new(api);

    [Fact]
    public async Task A_report_goes_from_submission_to_rating_and_the_auditor_replays_it_with_a_valid_chain()
    {
        var (code, secret) = await life.Submit();
        Assert.Matches(@"^HUE-\d{4}-\d{6}$", code);
        Assert.StartsWith("cs_", secret);

        await life.Ok(api.OperatorKey, "verifyCase", code, new { note = "Ảnh rõ ràng" });
        await life.Ok(api.OperatorKey, "classifyCase", code, new { category = "sanitation_environment", priority = "URGENT", ward = "Phú Xuân" });
        var assigned = await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco", supportingAgencies = new[] { "ubnd-phu-hoi" } });
        Assert.Equal("ASSIGNED", assigned["status"]!.GetValue<string>());
        Assert.NotNull(assigned["dueAt"]);
        Assert.EndsWith("+07:00", assigned["dueAt"]!.GetValue<string>());

        await life.Ok(api.AgencyAKey, "acceptAssignment", code);
        var waiting = await life.Ok(api.AgencyAKey, "requestInformation", code, new { question = "Xin chụp thêm ảnh toàn cảnh?" });
        Assert.Equal("WAITING_FOR_CITIZEN", waiting["publicStatus"]!.GetValue<string>());
        await life.Ok(null, "provideInformation", code, new { text = "Đã gửi ảnh", secret });
        var resolved = await life.Ok(api.AgencyAKey, "resolveCase", code, new { publicAnswer = "Đã thu gom toàn bộ rác", evidenceRefs = new[] { "after.jpg" } });
        Assert.Equal("RESOLVED", resolved["status"]!.GetValue<string>());
        Assert.True(resolved["onTime"]!.GetValue<bool>());
        var rated = await life.Ok(null, "rateCase", code, new { score = 5, comment = "Cảm ơn", secret });
        Assert.Equal(5, rated["rating"]!.GetValue<int>());

        var audit = (await api.Client(api.AuditorKey).Send("""
            query($code: String!) { audit {
              history(trackingCode: $code) { version type metadata { actorRole command } }
              verifyChain(trackingCode: $code) { valid eventsChecked }
              stateAt(trackingCode: $code, version: 2) { status }
            } }
            """, new { code })).Ok()["audit"]!;
        var history = audit["history"]!.AsArray();
        Assert.Equal(["case_received", "case_verified", "public_summary_set", "case_classified", "case_assigned", "assignment_accepted",
            "information_requested", "information_provided", "case_resolved", "case_rated"], history.Select(e => e!["type"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, 10), history.Select(e => e!["version"]!.GetValue<int>()));
        Assert.Equal("CITIZEN", history[7]!["metadata"]!["actorRole"]!.GetValue<string>());
        Assert.Equal("resolveCase", history[8]!["metadata"]!["command"]!.GetValue<string>());
        Assert.True(audit["verifyChain"]!["valid"]!.GetValue<bool>());
        Assert.Equal(10, audit["verifyChain"]!["eventsChecked"]!.GetValue<int>());
        Assert.Equal("VERIFIED", audit["stateAt"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mutation_response_never_carries_the_reporters_identity()
    {
        var (code, secret) = await life.Submit();
        var responses = new List<string>
        {
            (await life.Act(api.OperatorKey, "verifyCase", code)).Text,
            (await life.Act(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco" })).Text,
            (await life.Act(null, "withdrawCase", code, new { reason = "đã tự xử lý", secret })).Text,
        };
        foreach (var text in responses)
            foreach (var personal in new[] { Lifecycle.Reporter, Lifecycle.Phone, Lifecycle.Email })
                Assert.DoesNotContain(personal, text);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_result()
    {
        var code = await life.InProgress();
        var first = (await life.Act(api.AgencyAKey, "noteProgress", code, new { publicText = "Đang xử lý", idempotencyKey = "note-1" })).Ok()["noteProgress"]!;
        var again = (await life.Act(api.AgencyAKey, "noteProgress", code, new { publicText = "Đang xử lý", idempotencyKey = "note-1" })).Ok()["noteProgress"]!;
        Assert.False(first["replayed"]!.GetValue<bool>());
        Assert.True(again["replayed"]!.GetValue<bool>());
        Assert.Equal(first["case"]!["version"]!.GetValue<int>(), again["case"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_agencies_acting_on_one_case_at_the_same_version_one_wins_and_the_other_gets_a_conflict()
    {
        var (code, _) = await life.Submit();
        await life.Ok(api.OperatorKey, "verifyCase", code);
        var assigned = await life.Ok(api.OperatorKey, "assignCase", code, new { leadAgency = "hepco", supportingAgencies = new[] { "so-xay-dung" } });
        var version = assigned["version"]!.GetValue<int>();
        var results = await Task.WhenAll(
            life.Act(api.AgencyAKey, "noteProgress", code, new { publicText = "HEPCO đã đến", expectedVersion = version }),
            life.Act(api.AgencyBKey, "noteProgress", code, new { publicText = "Sở Xây dựng phối hợp", expectedVersion = version }));
        Assert.Single(results, r => r.Errors.Count == 0);
        Assert.Single(results, r => r.Code == "CASE_CONCURRENCY_CONFLICT");
        var count = await api.Database.ScalarAsync<long>("select count(*) from cases.mt_events e join cases.mt_doc_caseidentity s on s.id = e.stream_id where s.data->>'trackingCode' = $1", code);
        Assert.Equal(version + 1, count);
    }
}
