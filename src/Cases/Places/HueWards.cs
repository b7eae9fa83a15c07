namespace Cases.Places;

/// <summary>
/// Thừa Thiên Huế's wards, communes and townships as cases name them, with their district-level unit and approximate
/// centre (to ~300 m). This is the administrative map before the 2025 reorganisation, the one the demo data and the
/// agencies use; issue 24 brings the post-2025 map as dated data, as another list given to <see cref="AdministrativeMap"/>.
/// </summary>
public static class HueWards
{
    public static readonly IReadOnlyList<AdministrativeUnit> All =
    [
        // Thành phố Huế: the citadel bank (north) and the south bank.
        new("phu-hoi", "Phú Hội", WardLevel.Ward, "tp-hue", 16.4668, 107.5947),
        new("phu-nhuan", "Phú Nhuận", WardLevel.Ward, "tp-hue", 16.4607, 107.5960),
        new("vinh-ninh", "Vĩnh Ninh", WardLevel.Ward, "tp-hue", 16.4633, 107.5858),
        new("phuoc-vinh", "Phước Vĩnh", WardLevel.Ward, "tp-hue", 16.4535, 107.5866),
        new("truong-an", "Trường An", WardLevel.Ward, "tp-hue", 16.4478, 107.5787),
        new("an-cuu", "An Cựu", WardLevel.Ward, "tp-hue", 16.4534, 107.6009),
        new("xuan-phu", "Xuân Phú", WardLevel.Ward, "tp-hue", 16.4655, 107.6085),
        new("vy-da", "Vỹ Dạ", WardLevel.Ward, "tp-hue", 16.4745, 107.6040),
        new("thuan-hoa", "Thuận Hòa", WardLevel.Ward, "tp-hue", 16.4698, 107.5724),
        new("thuan-loc", "Thuận Lộc", WardLevel.Ward, "tp-hue", 16.4785, 107.5740),
        new("tay-loc", "Tây Lộc", WardLevel.Ward, "tp-hue", 16.4810, 107.5630),
        new("kim-long", "Kim Long", WardLevel.Ward, "tp-hue", 16.4655, 107.5480),
        new("huong-long", "Hương Long", WardLevel.Ward, "tp-hue", 16.4558, 107.5420),
        new("thuy-xuan", "Thủy Xuân", WardLevel.Ward, "tp-hue", 16.4355, 107.5660),
        new("thuy-bieu", "Thủy Biều", WardLevel.Ward, "tp-hue", 16.4450, 107.5520),
        new("dong-ba", "Đông Ba", WardLevel.Ward, "tp-hue", 16.4755, 107.5855),
        new("gia-hoi", "Gia Hội", WardLevel.Ward, "tp-hue", 16.4795, 107.5910),
        new("phu-hau", "Phú Hậu", WardLevel.Ward, "tp-hue", 16.4865, 107.5835),
        new("huong-so", "Hương Sơ", WardLevel.Ward, "tp-hue", 16.4930, 107.5660),
        new("an-dong", "An Đông", WardLevel.Ward, "tp-hue", 16.4570, 107.6160),
        new("an-tay", "An Tây", WardLevel.Ward, "tp-hue", 16.4360, 107.5950),
        new("an-hoa", "An Hòa", WardLevel.Ward, "tp-hue", 16.4890, 107.5525),
        new("phu-thuong", "Phú Thượng", WardLevel.Ward, "tp-hue", 16.4890, 107.6130),
        new("thuy-van", "Thủy Vân", WardLevel.Ward, "tp-hue", 16.4610, 107.6350),
        new("thuan-an", "Thuận An", WardLevel.Ward, "tp-hue", 16.5570, 107.6420),
        new("huong-vinh", "Hương Vinh", WardLevel.Ward, "tp-hue", 16.4990, 107.5760),
        new("phu-mau", "Phú Mậu", WardLevel.Commune, "tp-hue", 16.5120, 107.6000),
        new("huong-phong", "Hương Phong", WardLevel.Commune, "tp-hue", 16.5320, 107.5780),
        new("hai-duong", "Hải Dương", WardLevel.Commune, "tp-hue", 16.5900, 107.6150),
        // Thị xã Hương Thủy and Hương Trà.
        new("phu-bai", "Phú Bài", WardLevel.Ward, "tx-huong-thuy", 16.4020, 107.6990),
        new("thuy-duong", "Thủy Dương", WardLevel.Ward, "tx-huong-thuy", 16.4380, 107.6280),
        new("thuy-phuong", "Thủy Phương", WardLevel.Ward, "tx-huong-thuy", 16.4140, 107.6430),
        new("tu-ha", "Tứ Hạ", WardLevel.Ward, "tx-huong-tra", 16.5310, 107.4570),
        new("huong-chu", "Hương Chữ", WardLevel.Ward, "tx-huong-tra", 16.5060, 107.5050),
        // The districts.
        new("phu-da", "Phú Đa", WardLevel.Township, "h-phu-vang", 16.4340, 107.7480),
        new("phu-thuan", "Phú Thuận", WardLevel.Commune, "h-phu-vang", 16.5150, 107.7050),
        new("phu-loc", "Phú Lộc", WardLevel.Township, "h-phu-loc", 16.2930, 107.8700),
        new("lang-co", "Lăng Cô", WardLevel.Township, "h-phu-loc", 16.2380, 108.0680),
        new("sia", "Sịa", WardLevel.Township, "h-quang-dien", 16.5780, 107.5100),
        new("phong-dien", "Phong Điền", WardLevel.Township, "h-phong-dien", 16.5580, 107.3480),
        new("phong-hai", "Phong Hải", WardLevel.Commune, "h-phong-dien", 16.6600, 107.4200),
        new("a-luoi", "A Lưới", WardLevel.Township, "h-a-luoi", 16.2820, 107.1700),
        new("khe-tre", "Khe Tre", WardLevel.Township, "h-nam-dong", 16.1680, 107.7230),
    ];
}
