namespace Cases.GraphQL.Seeding;

/// <summary>
/// The public texts of demo lifecycles: reasons, questions, answers, progress notes. None names a person or
/// a house number: these texts end up in events and public views (DESIGN 7).
/// </summary>
internal static class DemoTexts
{
    public static readonly IReadOnlyList<string> RejectReasons =
    [
        "Không đủ thông tin, hình ảnh để xác minh nội dung phản ánh.",
        "Nội dung không thuộc phạm vi tiếp nhận của hệ thống; đề nghị liên hệ cơ quan có thẩm quyền.",
        "Đã kiểm tra thực tế, không có vi phạm như nội dung phản ánh.",
        "Phản ánh mang tính tranh chấp dân sự giữa các hộ gia đình; đề nghị hòa giải tại cơ sở.",
        "Nội dung phản ánh không rõ ràng, không xác định được vị trí.",
        "Vụ việc đã được xử lý xong trước thời điểm phản ánh.",
    ];

    public static readonly IReadOnlyList<string> RefuseReasons =
    [
        "Hồ sơ không thuộc thẩm quyền giải quyết; đã hướng dẫn nộp tại cơ quan có thẩm quyền.",
        "Thành phần hồ sơ không đầy đủ theo quy định; đã hướng dẫn bổ sung và nộp lại.",
    ];

    public static readonly IReadOnlyList<string> VerifyNotes =
    [
        "Đã xác minh qua hình ảnh người phản ánh cung cấp.",
        "Đã đối chiếu camera giám sát của IOC, nội dung phản ánh đúng.",
        "Đã liên hệ tổ dân phố xác nhận.",
    ];

    public static readonly IReadOnlyList<string> OperatorQuestions =
    [
        "Đề nghị cung cấp thêm hình ảnh hoặc vị trí cụ thể (tên kiệt, mốc gần nhất) để xác minh.",
        "Đề nghị cho biết thời điểm sự việc thường xảy ra để tổ chức kiểm tra.",
    ];

    public static readonly IReadOnlyList<string> AgencyQuestions =
    [
        "Đơn vị đã đến hiện trường nhưng chưa xác định được vị trí; đề nghị mô tả thêm mốc nhận biết.",
        "Đề nghị cung cấp thêm hình ảnh hiện trạng để đơn vị bố trí phương án xử lý.",
    ];

    public static readonly IReadOnlyList<string> DossierQuestions =
    [
        "Đề nghị bổ sung bản vẽ thiết kế có chữ ký của đơn vị tư vấn theo quy định.",
        "Đề nghị bổ sung giấy tờ chứng minh nguồn gốc sử dụng đất.",
        "Thông tin trong tờ khai chưa khớp với giấy tờ kèm theo; đề nghị điều chỉnh tờ khai.",
    ];

    public static readonly IReadOnlyList<string> CitizenReplies =
    [
        "Đã bổ sung hình ảnh mới chụp và mô tả vị trí: đoạn gần cột điện có biển số.",
        "Sự việc thường diễn ra vào buổi tối, khoảng từ 19 đến 23 giờ.",
        "Đã gửi bổ sung giấy tờ theo yêu cầu qua cổng dịch vụ công.",
        "Vị trí ở phía bên phải đường, cách ngã tư khoảng 50 m.",
    ];

    public static readonly IReadOnlyList<string> ProgressNotes =
    [
        "Đã cử cán bộ kiểm tra hiện trường.",
        "Đã phối hợp với UBND phường, xã lập biên bản và yêu cầu khắc phục.",
        "Đang bố trí nhân lực, phương tiện để xử lý.",
        "Đã làm việc với chủ cơ sở; cơ sở cam kết khắc phục trong tuần.",
        "Đang chờ vật tư thay thế, dự kiến hoàn thành trong thời hạn.",
    ];

    public static readonly IReadOnlyList<string> DossierProgressNotes =
    [
        "Hồ sơ đang được thẩm định.",
        "Đã kiểm tra thực địa; đang hoàn thiện hồ sơ trình ký.",
        "Đã lấy ý kiến các cơ quan liên quan.",
    ];

    public static readonly IReadOnlyList<string> DeclineReasons =
    [
        "Nội dung không thuộc phạm vi quản lý của đơn vị; đề nghị chuyển đơn vị quản lý trực tiếp.",
        "Tuyến đường không thuộc đơn vị quản lý.",
    ];

    public static readonly IReadOnlyList<string> TransferReasons =
    [
        "Sau khi kiểm tra hiện trường, nội dung thuộc trách nhiệm của đơn vị khác.",
        "Chuyển đơn vị quản lý hạ tầng trực tiếp xử lý.",
    ];

    public static readonly IReadOnlyList<string> ExtensionReasons =
    [
        "Cần phối hợp nhiều đơn vị và bố trí kinh phí sửa chữa.",
        "Ảnh hưởng mưa lũ kéo dài, chưa thể thi công khắc phục.",
        "Phải chờ đơn vị cung cấp vật tư chuyên dụng.",
    ];

    public static readonly IReadOnlyList<string> ApologyReasons =
    [
        "Hồ sơ cần xác minh thêm nguồn gốc đất; cơ quan thành thật xin lỗi và hẹn lại thời gian trả kết quả.",
        "Phải lấy ý kiến cơ quan chuyên môn nên chậm so với thời hạn; cơ quan xin lỗi ông/bà và hẹn lại ngày trả kết quả.",
    ];

    public static readonly IReadOnlyList<string> ReturnReasons =
    [
        "Kết quả xử lý chưa kèm hình ảnh chứng minh; đề nghị bổ sung.",
        "Nội dung trả lời chưa giải quyết hết các vấn đề người dân phản ánh.",
    ];

    public static readonly IReadOnlyList<string> ReopenReasons =
    [
        "Tình trạng tái diễn sau vài ngày, đề nghị xử lý dứt điểm.",
        "Thực tế chưa được khắc phục như nội dung trả lời.",
    ];

    public static readonly IReadOnlyList<string> ReportAnswers =
    [
        "Đơn vị đã kiểm tra và xử lý xong; hiện trạng đã được khắc phục (có hình ảnh kèm theo).",
        "Đã lập biên bản, yêu cầu chấm dứt vi phạm và khôi phục hiện trạng; đơn vị sẽ tiếp tục giám sát.",
        "Đã sửa chữa, khắc phục xong. Cảm ơn người dân đã phản ánh.",
        "Đã xử phạt vi phạm hành chính theo quy định và yêu cầu cam kết không tái phạm.",
    ];

    public static readonly IReadOnlyList<string> DossierAnswers =
    [
        "Hồ sơ đã giải quyết xong; mời ông/bà nhận kết quả tại bộ phận một cửa hoặc qua dịch vụ bưu chính.",
        "Đã có kết quả giải quyết thủ tục hành chính; kết quả điện tử đã được gửi vào tài khoản dịch vụ công.",
    ];

    public static readonly IReadOnlyList<string> PraiseComments = ["Xử lý nhanh, cảm ơn!", "Cán bộ nhiệt tình.", "Rất hài lòng."];
    public static readonly IReadOnlyList<string> ComplaintComments = ["Xử lý chậm.", "Chưa xử lý triệt để.", "Chưa hài lòng với kết quả."];
}
