using Cases.Places;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// The ~150 bodies of Thừa Thiên Huế that cases are assigned to: provincial departments and centres, the
/// police, the utilities, the city and the towns and districts with their offices and police, and the People's
/// Committee and police of every ward in <see cref="Wards"/>. Ids are stable slugs (API keys name them).
/// </summary>
public static class Agencies
{
    /// <summary>The district-level units: city, towns (thị xã) and districts (huyện), by the slug wards refer to.</summary>
    public static readonly IReadOnlyList<(string Slug, string Name, string NameEn)> Districts =
    [
        ("tp-hue", "thành phố Huế", "Huế City"),
        ("tx-huong-thuy", "thị xã Hương Thủy", "Hương Thủy Town"),
        ("tx-huong-tra", "thị xã Hương Trà", "Hương Trà Town"),
        ("h-phu-vang", "huyện Phú Vang", "Phú Vang District"),
        ("h-phu-loc", "huyện Phú Lộc", "Phú Lộc District"),
        ("h-quang-dien", "huyện Quảng Điền", "Quảng Điền District"),
        ("h-phong-dien", "huyện Phong Điền", "Phong Điền District"),
        ("h-a-luoi", "huyện A Lưới", "A Lưới District"),
        ("h-nam-dong", "huyện Nam Đông", "Nam Đông District"),
    ];

    static readonly Agency[] Provincial =
    [
        new("so-xay-dung", "Sở Xây dựng", "Department of Construction", "department"),
        new("thanh-tra-so-xay-dung", "Thanh tra Sở Xây dựng", "Construction Inspectorate", "inspectorate"),
        new("so-giao-thong-van-tai", "Sở Giao thông Vận tải", "Department of Transport", "department"),
        new("so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường", "Department of Natural Resources and Environment", "department"),
        new("chi-cuc-bao-ve-moi-truong", "Chi cục Bảo vệ môi trường", "Environmental Protection Sub-department", "department"),
        new("vp-dang-ky-dat-dai", "Văn phòng Đăng ký đất đai tỉnh", "Provincial Land Registration Office", "office"),
        new("so-du-lich", "Sở Du lịch", "Department of Tourism", "department"),
        new("so-tu-phap", "Sở Tư pháp", "Department of Justice", "department"),
        new("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư", "Department of Planning and Investment", "department"),
        new("so-noi-vu", "Sở Nội vụ", "Department of Home Affairs", "department"),
        new("so-tai-chinh", "Sở Tài chính", "Department of Finance", "department"),
        new("so-cong-thuong", "Sở Công Thương", "Department of Industry and Trade", "department"),
        new("cuc-quan-ly-thi-truong", "Cục Quản lý thị trường tỉnh", "Provincial Market Surveillance Agency", "department"),
        new("so-y-te", "Sở Y tế", "Department of Health", "department"),
        new("so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", "Department of Education and Training", "department"),
        new("so-lao-dong-tbxh", "Sở Lao động - Thương binh và Xã hội", "Department of Labour, Invalids and Social Affairs", "department"),
        new("so-nong-nghiep-ptnt", "Sở Nông nghiệp và Phát triển nông thôn", "Department of Agriculture and Rural Development", "department"),
        new("so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông", "Department of Information and Communications", "department"),
        new("so-van-hoa-the-thao", "Sở Văn hóa và Thể thao", "Department of Culture and Sports", "department"),
        new("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", "Department of Science and Technology", "department"),
        new("so-ngoai-vu", "Sở Ngoại vụ", "Department of Foreign Affairs", "department"),
        new("thanh-tra-tinh", "Thanh tra tỉnh", "Provincial Inspectorate", "inspectorate"),
        new("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", "Office of the Provincial People's Committee", "office"),
        new("ban-ql-khu-kinh-te", "Ban Quản lý Khu kinh tế, công nghiệp tỉnh", "Economic and Industrial Zones Authority", "board"),
        new("ban-qlda-giao-thong", "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh", "Transport Works Project Management Board", "board"),
        new("ttbt-di-tich-co-do-hue", "Trung tâm Bảo tồn Di tích Cố đô Huế", "Huế Monuments Conservation Centre", "centre"),
        new("tt-phuc-vu-hanh-chinh-cong", "Trung tâm Phục vụ hành chính công tỉnh", "Provincial Public Administration Service Centre", "centre"),
        new("tt-giam-sat-dieu-hanh-do-thi", "Trung tâm Giám sát, điều hành đô thị thông minh tỉnh", "Smart City Operations Centre (IOC)", "centre"),
        new("cong-an-tinh", "Công an tỉnh", "Provincial Police", "police"),
        new("phong-csgt", "Phòng Cảnh sát giao thông, Công an tỉnh", "Traffic Police Division", "police"),
        new("phong-cs-moi-truong", "Phòng Cảnh sát phòng chống tội phạm về môi trường, Công an tỉnh", "Environmental Crime Police Division", "police"),
        new("phong-cs-pccc", "Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ, Công an tỉnh", "Fire and Rescue Police Division", "police"),
        new("hepco", "Công ty CP Môi trường và Công trình đô thị Huế (HEPCO)", "Huế Environment and Urban Works JSC (HEPCO)", "utility"),
        new("huewaco", "Công ty CP Cấp nước Thừa Thiên Huế (HueWACO)", "Thừa Thiên Huế Water Supply JSC (HueWACO)", "utility"),
        new("dien-luc-tt-hue", "Công ty Điện lực Thừa Thiên Huế", "Thừa Thiên Huế Power Company", "utility"),
        new("cong-vien-cay-xanh-hue", "Trung tâm Công viên cây xanh Huế", "Huế Parks and Trees Centre", "utility"),
        new("quan-ly-duong-bo", "Công ty CP Quản lý đường bộ và Xây dựng công trình Thừa Thiên Huế", "Road Maintenance and Construction JSC", "utility"),
        new("thuy-loi-tt-hue", "Công ty TNHH NN MTV Quản lý khai thác công trình thủy lợi Thừa Thiên Huế", "Irrigation Works Company", "utility"),
        new("vnpt-tt-hue", "VNPT Thừa Thiên Huế", "VNPT Thừa Thiên Huế (telecoms)", "utility"),
        new("viettel-tt-hue", "Viettel Thừa Thiên Huế", "Viettel Thừa Thiên Huế (telecoms)", "utility"),
        new("ban-ql-cho-dong-ba", "Ban Quản lý chợ Đông Ba", "Đông Ba Market Management Board", "board", "Đông Ba"),
        new("phong-qldt-hue", "Phòng Quản lý đô thị thành phố Huế", "Huế City Urban Management Office", "district_office"),
        new("phong-tnmt-hue", "Phòng Tài nguyên và Môi trường thành phố Huế", "Huế City Natural Resources and Environment Office", "district_office"),
        new("phong-tckh-hue", "Phòng Tài chính - Kế hoạch thành phố Huế", "Huế City Finance and Planning Office", "district_office"),
        new("phong-tu-phap-hue", "Phòng Tư pháp thành phố Huế", "Huế City Justice Office", "district_office"),
        new("doi-trat-tu-do-thi-hue", "Đội Quản lý trật tự đô thị thành phố Huế", "Huế City Urban Order Team", "district_office"),
    ];

    /// <summary>Every agency, in a fixed order: provincial bodies, then each district's committee and police, then each ward's.</summary>
    public static readonly IReadOnlyList<Agency> All =
    [
        .. Provincial,
        .. Districts.Select(d => new Agency(DistrictCommittee(d.Slug), $"UBND {d.Name}", $"{d.NameEn} People's Committee", "district")),
        .. Districts.Select(d => new Agency(DistrictPolice(d.Slug), $"Công an {d.Name}", $"{d.NameEn} Police", "police")),
        .. Wards.All.Select(w => new Agency(WardCommittee(w), $"UBND {w.LevelAndName}", $"{w.LevelAndNameEn} People's Committee", "commune", w.Name)),
        .. Wards.All.Select(w => new Agency(WardPolice(w), $"Công an {w.LevelAndName}", $"{w.LevelAndNameEn} Police", "police", w.Name)),
    ];

    public static string DistrictCommittee(string district) => $"ubnd-{district}";
    public static string DistrictPolice(string district) => $"ca-{district}";
    public static string WardCommittee(Ward w) => $"ubnd-{Prefix(w.Level)}-{w.Slug}";
    public static string WardPolice(Ward w) => $"ca-{Prefix(w.Level)}-{w.Slug}";

    static string Prefix(WardLevel level) => level switch { WardLevel.Ward => "p", WardLevel.Commune => "x", _ => "tt" };
}
