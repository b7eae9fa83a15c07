namespace Cases.GraphQL.Seeding;

/// <summary>The topics of each field-report category and each dossier procedure of policies.txt.</summary>
internal static class Topics
{
    public static readonly IReadOnlyDictionary<string, Topic[]> ByCategory = new Dictionary<string, Topic[]>
    {
        ["construction_order"] =
        [
            new("Công trình xây dựng nhà ở {place} đường {street} lấn chiếm vỉa hè, vật liệu đổ tràn ra lòng đường.", ["{commune}", "hue:doi-trat-tu-do-thi-hue", "thanh-tra-so-xay-dung"]),
            new("Công trình {place} đường {street} thi công cả ban đêm, gây tiếng ồn lớn sau 22 giờ.", ["{commune}", "thanh-tra-so-xay-dung"]),
            new("Nghi công trình xây dựng sai phép, xây vượt số tầng {place} đường {street}, {ward}.", ["thanh-tra-so-xay-dung", "hue:phong-qldt-hue", "so-xay-dung"]),
            new("Công trình không che chắn, bụi và vữa rơi xuống người đi đường {place} đường {street}.", ["{commune}", "thanh-tra-so-xay-dung"]),
            new("Xây dựng công trình trái phép trên đất nông nghiệp tại {ward}, gần đường {street}.", ["{commune}", "{district}", "so-tai-nguyen-moi-truong"]),
            new("Công trình trong khu vực bảo vệ di tích gần đường {street} đang thi công, chưa rõ đã được cấp phép chưa.", ["thanh-tra-so-xay-dung", "ttbt-di-tich-co-do-hue", "so-xay-dung"]),
        ],
        ["sanitation_environment"] =
        [
            new("Rác thải sinh hoạt tồn đọng nhiều ngày {place} đường {street}, bốc mùi hôi thối.", ["hue:hepco", "{commune}"]),
            new("Điểm tập kết rác {place} đường {street} tràn ra lòng đường, chưa được thu gom.", ["hue:hepco", "{commune}"]),
            new("Cơ sở kinh doanh {place} đường {street} xả nước thải chưa qua xử lý ra cống chung, mùi rất nặng.", ["phong-cs-moi-truong", "chi-cuc-bao-ve-moi-truong", "{commune}"]),
            new("Đốt rác, đốt rơm rạ gây khói bụi {place} {ward}, ảnh hưởng các hộ xung quanh.", ["{commune}", "{police}"]),
            new("Xác động vật chết trôi trên sông Hương đoạn gần đường {street}, gây ô nhiễm.", ["hue:hepco", "chi-cuc-bao-ve-moi-truong", "{commune}"]),
            new("Đổ trộm phế thải xây dựng {place} đường {street} vào ban đêm.", ["{commune}", "hue:doi-trat-tu-do-thi-hue", "hue:hepco"]),
            new("Bùn đất, rác thải sau lũ phủ kín đường {street}, đề nghị thu gom và vệ sinh.", ["hue:hepco", "{commune}"], Flood: true),
            new("Nước lũ rút để lại nhiều rác và xác động vật {place} {ward}, nguy cơ dịch bệnh.", ["hue:hepco", "{commune}", "so-y-te"], Flood: true),
        ],
        ["traffic_infrastructure"] =
        [
            new("Ổ gà lớn giữa đường {street} {place}, nhiều xe máy bị ngã.", ["quan-ly-duong-bo", "so-giao-thong-van-tai", "{district}"]),
            new("Đèn tín hiệu giao thông tại ngã tư đường {street} bị hỏng, chỉ nháy vàng.", ["so-giao-thong-van-tai", "phong-csgt"]),
            new("Biển báo giao thông trên đường {street} bị gãy đổ, che khuất tầm nhìn.", ["quan-ly-duong-bo", "so-giao-thong-van-tai"]),
            new("Nắp hố ga trên đường {street} {place} bị vỡ, rất nguy hiểm cho người đi đường.", ["quan-ly-duong-bo", "hue:hepco", "{district}"]),
            new("Mặt đường {street} xuống cấp, bong tróc nhiều đoạn sau khi thi công đường ống.", ["so-giao-thong-van-tai", "ban-qlda-giao-thong", "huewaco"]),
            new("Xe tải chở vật liệu rơi vãi đất cát trên đường {street} vào giờ cao điểm.", ["phong-csgt", "{district-police}"]),
            new("Sạt lở taluy dương đường {street}, đất đá tràn xuống mặt đường sau mưa lớn.", ["so-giao-thong-van-tai", "quan-ly-duong-bo", "{district}"], Flood: true),
            new("Đường {street} đoạn {place} bị xói lở, lún sụt sau đợt lũ, xe qua lại rất nguy hiểm.", ["quan-ly-duong-bo", "so-giao-thong-van-tai", "{district}"], Flood: true),
        ],
        ["urban_infrastructure"] =
        [
            new("Đèn chiếu sáng công cộng trên đường {street} {place} không sáng, cả đoạn tối om về đêm.", ["cong-vien-cay-xanh-hue", "hue:phong-qldt-hue", "{commune}"]),
            new("Cây xanh trên vỉa hè đường {street} có nhánh khô, nguy cơ gãy đổ xuống người đi đường.", ["cong-vien-cay-xanh-hue", "{commune}"]),
            new("Cống thoát nước {place} đường {street} bị tắc, nước đọng lâu ngày.", ["hue:hepco", "{commune}"]),
            new("Vỡ đường ống cấp nước {place} đường {street}, nước chảy tràn ra đường.", ["huewaco"]),
            new("Dây điện, dây cáp viễn thông chằng chịt, võng thấp {place} đường {street}.", ["dien-luc-tt-hue", "vnpt-tt-hue", "viettel-tt-hue"]),
            new("Mất nước sinh hoạt kéo dài {place} {ward} mà không có thông báo.", ["huewaco"]),
            new("Vỉa hè đường {street} bị bong gạch, sụt lún gây nguy hiểm.", ["hue:phong-qldt-hue", "{commune}"]),
            new("Ngập sâu trên đường {street} {place} sau mưa lớn, nước không thoát được.", ["hue:hepco", "hue:phong-qldt-hue", "{commune}"], Flood: true),
            new("Cây xanh bật gốc do mưa bão, đổ chắn ngang đường {street}.", ["cong-vien-cay-xanh-hue", "{commune}"], Flood: true),
            new("Trạm bơm tiêu úng {ward} không hoạt động trong đợt mưa lũ, nhiều nhà bị ngập.", ["thuy-loi-tt-hue", "{district}"], Flood: true),
        ],
        ["public_order"] =
        [
            new("Hàng quán lấn chiếm vỉa hè, lòng đường {place} đường {street}, người đi bộ phải xuống lòng đường.", ["{commune}", "hue:doi-trat-tu-do-thi-hue", "{police}"]),
            new("Hát karaoke gây ồn ào sau 22 giờ {place} đường {street}.", ["{police}", "{commune}"]),
            new("Thanh niên tụ tập đua xe, lạng lách trên đường {street} vào ban đêm.", ["{police}", "phong-csgt", "{district-police}"]),
            new("Đậu đỗ ô tô trái phép hai bên đường {street} gây ùn tắc giờ tan trường.", ["{police}", "phong-csgt"]),
            new("Tình trạng đeo bám, chèo kéo khách {place} gần chợ Đông Ba.", ["{police}", "ban-ql-cho-dong-ba", "{commune}"]),
            new("Treo băng rôn, quảng cáo rao vặt trái phép trên cột điện đường {street}.", ["{commune}", "hue:doi-trat-tu-do-thi-hue"]),
        ],
        ["tourism_service"] =
        [
            new("Xích lô tại khu vực Đại Nội chèo kéo, ép giá du khách.", ["so-du-lich", "{police}", "ttbt-di-tich-co-do-hue"]),
            new("Nhà hàng {place} đường {street} không niêm yết giá, tính tiền cao bất thường cho khách du lịch.", ["cuc-quan-ly-thi-truong", "so-du-lich", "{commune}"]),
            new("Nhà vệ sinh công cộng tại điểm tham quan lăng Tự Đức xuống cấp, thiếu nước.", ["ttbt-di-tich-co-do-hue", "so-du-lich"]),
            new("Thuyền rồng trên sông Hương thu phí cao hơn giá niêm yết, không đủ áo phao.", ["so-du-lich", "so-giao-thong-van-tai", "{police}"]),
            new("Cơ sở lưu trú {place} đường {street} hoạt động không có biển hiệu, nghi chưa đăng ký.", ["so-du-lich", "{commune}", "{police}"]),
            new("Rác thải và hàng rong tại bãi biển {ward} ảnh hưởng cảnh quan du lịch.", ["{commune}", "so-du-lich", "{district}"]),
        ],
        ["official_misconduct"] =
        [
            new("Cán bộ tiếp nhận hồ sơ tại bộ phận một cửa {ward} có thái độ thiếu tôn trọng, gây khó khăn cho người dân.", ["{district}", "so-noi-vu", "thanh-tra-tinh"]),
            new("Hồ sơ nộp đã quá hạn nhiều ngày nhưng cán bộ không trả lời lý do, yêu cầu bổ sung giấy tờ không có trong quy định.", ["thanh-tra-tinh", "so-noi-vu", "{district}"]),
            new("Phản ánh cán bộ gợi ý nộp thêm chi phí ngoài quy định để giải quyết hồ sơ nhanh.", ["thanh-tra-tinh", "so-noi-vu"]),
        ],
    };

    public static readonly IReadOnlyDictionary<string, Topic[]> ByProcedure = new Dictionary<string, Topic[]>
    {
        ["construction_permit"] = [new("Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ tại đường {street}, {ward}.", ["{district}", "so-xay-dung"])],
        ["land_use_certificate"] = [new("Đăng ký đất đai, đề nghị cấp Giấy chứng nhận quyền sử dụng đất lần đầu, thửa đất tại {ward}.", ["vp-dang-ky-dat-dai", "{district}"])],
        ["business_registration"] = [new("Đăng ký thành lập doanh nghiệp (công ty TNHH một thành viên), trụ sở tại đường {street}, {ward}.", ["so-ke-hoach-dau-tu"])],
        ["household_business_registration"] = [new("Đăng ký hộ kinh doanh (kinh doanh ăn uống) tại đường {street}, {ward}.", ["hue:phong-tckh-hue"])],
        ["birth_registration"] = [new("Đăng ký khai sinh.", ["{commune}"])],
        ["marriage_registration"] = [new("Đăng ký kết hôn.", ["{commune}"])],
        ["judicial_record"] = [new("Cấp Phiếu lý lịch tư pháp số 1.", ["so-tu-phap"])],
    };

    /// <summary>Huế's streets (and the national road through the towns), for descriptions.</summary>
    public static readonly IReadOnlyList<string> Streets =
    [
        "Lê Lợi", "Hùng Vương", "Trần Hưng Đạo", "Nguyễn Huệ", "Phan Đình Phùng", "Bà Triệu", "Điện Biên Phủ",
        "Nguyễn Trãi", "Lê Duẩn", "Chi Lăng", "Đinh Tiên Hoàng", "Mai Thúc Loan", "Nguyễn Sinh Cung", "Tố Hữu",
        "Võ Văn Kiệt", "Ngự Bình", "Phạm Văn Đồng", "An Dương Vương", "Hoàng Quốc Việt", "Trường Chinh", "Kim Long",
        "Nguyễn Phúc Nguyên", "Lý Thường Kiệt", "Hà Nội", "Đống Đa", "Nguyễn Chí Thanh", "Huỳnh Thúc Kháng",
        "Trần Phú", "Phan Bội Châu", "Lê Lai", "Nguyễn Công Trứ", "Phạm Ngũ Lão", "Chu Văn An", "Võ Thị Sáu",
        "Đội Cung", "Ngô Đức Kế", "Xuân 68", "Bạch Đằng", "Tăng Bạt Hổ", "Nguyễn Văn Linh", "Quốc lộ 1A", "Quốc lộ 49",
    ];

    /// <summary>Where on the street, without any house number that would identify a reporter's home.</summary>
    public static readonly IReadOnlyList<string> Places =
    [
        "trước chợ", "gần trường tiểu học", "đoạn gần cầu", "trong kiệt", "đầu kiệt", "gần ngã ba", "gần ngã tư",
        "đối diện trạm y tế", "cạnh công viên", "đoạn giữa", "gần nhà văn hóa tổ dân phố", "đoạn cuối",
    ];
}
