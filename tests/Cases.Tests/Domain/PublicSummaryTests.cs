using Cases.Domain;
using static Cases.Domain.CaseCommand;
using static Cases.Domain.CaseEvent;
using static Cases.Tests.Domain.Scenario;

namespace Cases.Tests.Domain;

/// <summary>What the public reads of a report is fixed at verification, by the operator or, by default, masked.</summary>
public class PublicSummaryTests
{
    static CaseState ReceivedSaying(string description) =>
        Given(Received(CaseKind.FieldReport) with { Description = description });

    [Fact]
    public void Verifying_without_a_summary_publishes_the_description_with_phone_numbers_and_emails_masked()
    {
        var state = ReceivedSaying("Cống bị tắc trước nhà số 12. Gọi tôi: 0905 123 456 hoặc +84-90-765-4321, mail lan.nguyen@example.vn");
        var events = ThenEvents(When(state, new VerifyCase(null), Operator));

        Assert.IsType<CaseVerified>(events[0]);
        var summary = Assert.IsType<PublicSummarySet>(events[1]).Summary;
        Assert.StartsWith("Cống bị tắc trước nhà số 12.", summary);
        Assert.DoesNotContain("0905", summary);
        Assert.DoesNotContain("4321", summary);
        Assert.DoesNotContain("@", summary);
        Assert.Contains(ContactRedaction.Marker, summary);
    }

    [Fact]
    public void An_operator_summary_is_published_as_written_because_the_operator_chose_what_it_keeps()
    {
        var state = ReceivedSaying("Đèn đường hỏng, liên hệ 0905123456");
        var events = ThenEvents(When(state, new VerifyCase("ok", "  Đèn đường hỏng, đường dây nóng 0905123456  "), Operator));
        Assert.Equal("Đèn đường hỏng, đường dây nóng 0905123456", Assert.IsType<PublicSummarySet>(events[1]).Summary);
    }

    [Fact]
    public void The_center_edits_a_verified_summary_and_no_one_else_may()
    {
        var verified = Given(Histories(CaseKind.FieldReport)["in_progress"]);
        var set = Assert.IsType<PublicSummarySet>(Assert.Single(ThenEvents(When(verified, new SetPublicSummary("Cống bị tắc"), Operator))));
        Assert.Equal("Cống bị tắc", set.Summary);

        ThenError(When(verified, new SetPublicSummary("x"), LeadAgency), DomainError.Forbidden);
        ThenError(When(verified, new SetPublicSummary("x"), Citizen), DomainError.Forbidden);
        Assert.Equal("summary", ThenError(When(verified, new SetPublicSummary("  "), Operator), DomainError.ValidationFailed).Details["field"]);
    }

    [Fact]
    public void A_report_not_yet_verified_has_no_summary_to_edit_and_a_dossier_takes_none()
    {
        ThenError(When(ReceivedSaying("x"), new SetPublicSummary("x"), Operator), DomainError.InvalidTransition);
        var dossier = Given(Received(CaseKind.Dossier));
        Assert.Equal("publicSummary", ThenError(When(dossier, new VerifyCase(null, "x"), Operator), DomainError.ValidationFailed).Details["field"]);
    }

    [Theory]
    [InlineData("Số nhà 12, kiệt 34 đường Lê Lợi", "Số nhà 12, kiệt 34 đường Lê Lợi")]
    [InlineData("Ngày 12/03/2026 lúc 7:30", "Ngày 12/03/2026 lúc 7:30")]
    [InlineData("ĐT (0234) 3.822.123 nhé", "ĐT […] nhé")]
    [InlineData("zalo 0912345678.", "zalo […].")]
    [InlineData("thư: trần.văn@huế.gov.vn", "thư: […]")]
    public void Masking_takes_out_contacts_and_leaves_short_numbers(string text, string expected) =>
        Assert.Equal(expected, ContactRedaction.Mask(text));

    [Fact]
    public void A_reply_to_a_request_takes_at_most_five_photos()
    {
        var waiting = Given(Histories(CaseKind.FieldReport)["waiting_for_citizen"]);
        var ok = Assert.IsType<InformationProvided>(Assert.Single(ThenEvents(When(waiting, new ProvideInformation("Ảnh") { MediaRefs = ["a", "b"] }, Citizen))));
        Assert.Equal(["a", "b"], ok.MediaRefs);
        var six = new ProvideInformation("Ảnh") { MediaRefs = ["1", "2", "3", "4", "5", "6"] };
        Assert.Equal("mediaRefs", ThenError(When(waiting, six, Citizen), DomainError.ValidationFailed).Details["field"]);
    }
}
