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
        var state = ReceivedSaying("Cống bị tắc trước chợ Đông Ba. Gọi tôi: 0905 123 456 hoặc +84-90-765-4321, mail lan.nguyen@example.vn");
        var events = ThenEvents(When(state, new VerifyCase(null), Operator));

        Assert.IsType<CaseVerified>(events[0]);
        var summary = Assert.IsType<PublicSummarySet>(events[1]).Summary;
        Assert.StartsWith("Cống bị tắc trước chợ Đông Ba.", summary);
        Assert.DoesNotContain("0905", summary);
        Assert.DoesNotContain("4321", summary);
        Assert.DoesNotContain("@", summary);
        Assert.Contains(ContactRedaction.Marker, summary);
    }

    [Fact]
    public void Staff_search_text_masks_the_ways_to_reach_or_name_a_person_but_keeps_the_place_of_the_problem()
    {
        var text = ContactRedaction.MaskContacts("Rác ở kiệt 12 Nguyễn Trãi. Liên hệ chị Nguyễn Thị Lan 0905 123 456, lan.nguyen@example.vn");
        Assert.StartsWith("Rác ở kiệt 12 Nguyễn Trãi.", text);
        Assert.DoesNotContain("0905", text);
        Assert.DoesNotContain("@", text);
        Assert.DoesNotContain("Lan", text);
        // The public summary masks the house address as well.
        Assert.DoesNotContain("kiệt 12", ContactRedaction.Mask("Rác ở kiệt 12 Nguyễn Trãi."));
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
    [InlineData("Ngày 12/03/2026 lúc 7:30", "Ngày 12/03/2026 lúc 7:30")]
    [InlineData("ĐT (0234) 3.822.123 nhé", "ĐT […] nhé")]
    [InlineData("zalo 0912345678.", "zalo […].")]
    [InlineData("thư: trần.văn@huế.gov.vn", "thư: […]")]
    public void Masking_takes_out_contacts_and_leaves_short_numbers(string text, string expected) =>
        Assert.Equal(expected, ContactRedaction.Mask(text));

    [Theory]
    // House numbers with their street, alleys by their number.
    [InlineData("Cống bị tắc trước số 12 đường Lê Lợi, nước tràn ra đường", "Cống bị tắc trước […], nước tràn ra đường")]
    [InlineData("Rác thải tồn đọng trước nhà 12 Nguyễn Huệ từ hôm qua", "Rác thải tồn đọng trước nhà […] từ hôm qua")]
    [InlineData("Đèn đường ở kiệt 5 Trần Phú không sáng ba đêm nay", "Đèn đường ở […] không sáng ba đêm nay")]
    [InlineData("Nước ngập sâu trong hẻm 3/2, xe máy không qua được", "Nước ngập sâu trong […], xe máy không qua được")]
    [InlineData("Số nhà 12, kiệt 34 đường Lê Lợi", "[…], […]")]
    [InlineData("Cây đổ chắn ngang trước 45/7 Bà Triệu phường Phú Hội", "Cây đổ chắn ngang trước […] phường Phú Hội")]
    [InlineData("Vỉa hè trước 123 Lê Duẩn Phường Phú Thuận bị lấn chiếm", "Vỉa hè trước […] Phường Phú Thuận bị lấn chiếm")]
    // Names after a form of address, and self-introductions; the form of address stays.
    [InlineData("Tôi là anh Nguyễn Văn An, ở gần chợ Đông Ba", "Tôi là anh […], ở gần chợ Đông Ba")]
    [InlineData("Nhà chị Lan bị nứt tường do công trình bên cạnh", "Nhà chị […] bị nứt tường do công trình bên cạnh")]
    [InlineData("ông Trần B đổ phế thải xây dựng ra bờ sông Hương", "ông […] đổ phế thải xây dựng ra bờ sông Hương")]
    [InlineData("Bà Hoàng Thị Mai bán hàng lấn chiếm lòng đường", "Bà […] bán hàng lấn chiếm lòng đường")]
    [InlineData("Tên tôi là Phạm Thị Hoa, con đường này hỏng lâu rồi", "Tên tôi là […], con đường này hỏng lâu rồi")]
    [InlineData("Họ tên: Lê Văn Tám. Ống nước vỡ", "Họ tên: […]. Ống nước vỡ")]
    public void Masking_takes_out_house_addresses_and_names_that_a_report_gives(string text, string expected) =>
        Assert.Equal(expected, ContactRedaction.Mask(text));

    [Theory]
    // Wards, streets without a house number, counts, dates, offices and the words of the report itself stay.
    [InlineData("Đường Lê Lợi đoạn qua phường Vĩnh Ninh bị ngập sau mưa lớn")]
    [InlineData("Có 3 cây xanh bị đổ ở tổ 5 Phú Hội, bà con đi lại khó khăn")]
    [InlineData("Đèn chiếu sáng đường Bà Triệu hỏng từ ngày 12 Tháng 3")]
    [InlineData("Ông Tổ trưởng tổ dân phố đã báo UBND phường Thuận Hòa")]
    [InlineData("Rác ở tầng 2 chợ Đông Ba, phòng 12 Ban quản lý đã biết")]
    [InlineData("Năm 2026 Thừa Thiên Huế là thành phố trực thuộc trung ương; anh em công nhân đã đến")]
    public void Masking_leaves_wards_streets_without_a_number_and_categories(string text) =>
        Assert.Equal(text, ContactRedaction.Mask(text));

    [Fact]
    public void A_default_summary_of_a_realistic_report_keeps_what_happened_and_where_roughly_but_no_one_s_name_address_or_contact()
    {
        var state = ReceivedSaying(
            "Kính gửi Trung tâm IOC. Tôi là chị Nguyễn Thị Lan, nhà ở kiệt 5 Trần Phú, phường Phước Vĩnh. Cống thoát nước "
            + "trước số 12 đường Lê Lợi bị vỡ nắp, rất nguy hiểm cho học sinh. Ông Trần Văn Bình hàng xóm cũng đã báo. "
            + "Liên hệ 0905 123 456.");
        var summary = Assert.IsType<PublicSummarySet>(ThenEvents(When(state, new VerifyCase(null), Operator))[1]).Summary;
        foreach (var personal in new[] { "Nguyễn Thị Lan", "kiệt 5", "Trần Phú", "số 12", "Trần Văn Bình", "0905" })
            Assert.DoesNotContain(personal, summary);
        foreach (var kept in new[] { "Trung tâm IOC", "phường Phước Vĩnh", "Cống thoát nước", "bị vỡ nắp, rất nguy hiểm cho học sinh", "hàng xóm" })
            Assert.Contains(kept, summary);
    }

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
