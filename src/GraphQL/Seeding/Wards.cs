using Cases.Places;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// The wards and communes demo cases happen in: Huế's inner wards (weighted most), the surrounding wards and
/// communes, and one or two centres of each town and district. Centres are approximate (to ~300 m, which is
/// also the jitter given to case locations), all inside lat 16.0–16.75, lon 107.0–108.2. The names follow the
/// administrative map in force on the demo's reference day (issue 24: the map files of Cases.Places).
/// </summary>
public static class Wards
{
    /// <summary>Each unit's relative share of demo reports (population and density, roughly), by slug.</summary>
    static readonly Dictionary<string, double> Weights = new()
    {
        ["phu-hoi"] = 3.0,
        ["phu-nhuan"] = 3.0,
        ["vinh-ninh"] = 3.0,
        ["phuoc-vinh"] = 3.0,
        ["truong-an"] = 2.5,
        ["an-cuu"] = 3.0,
        ["xuan-phu"] = 3.0,
        ["vy-da"] = 3.0,
        ["thuan-hoa"] = 2.5,
        ["thuan-loc"] = 2.5,
        ["tay-loc"] = 2.5,
        ["kim-long"] = 2.0,
        ["huong-long"] = 2.0,
        ["thuy-xuan"] = 1.8,
        ["thuy-bieu"] = 1.5,
        ["dong-ba"] = 3.0,
        ["gia-hoi"] = 2.5,
        ["phu-hau"] = 2.0,
        ["huong-so"] = 1.8,
        ["an-dong"] = 2.5,
        ["an-tay"] = 2.0,
        ["an-hoa"] = 1.8,
        ["phu-thuong"] = 1.8,
        ["thuy-van"] = 1.5,
        ["thuan-an"] = 1.5,
        ["huong-vinh"] = 1.2,
        ["phu-mau"] = 1.0,
        ["huong-phong"] = 1.0,
        ["hai-duong"] = 0.8,
        ["phu-bai"] = 1.5,
        ["thuy-duong"] = 1.5,
        ["thuy-phuong"] = 1.2,
        ["tu-ha"] = 1.2,
        ["huong-chu"] = 1.0,
        ["phu-da"] = 0.9,
        ["phu-thuan"] = 0.7,
        ["phu-loc"] = 0.9,
        ["lang-co"] = 1.0,
        ["sia"] = 0.8,
        ["phong-dien"] = 0.8,
        ["phong-hai"] = 0.5,
        ["a-luoi"] = 0.6,
        ["khe-tre"] = 0.5,
    };

    /// <summary>
    /// The wards and communes of the map in force on the demo's reference day, each weighted by the shares of the
    /// units it succeeded (a unit formed in 2025 from three weighted wards gets their sum), 0.5 when none is known.
    /// </summary>
    public static readonly IReadOnlyList<Ward> All = At(MapLibrary.Embedded(), SeedOptions.DefaultReferenceNow.InZone(Cases.Sla.WorkingCalendar.Zone).Date);

    public static IReadOnlyList<Ward> At(AdministrativeMaps maps, NodaTime.LocalDate date)
    {
        var versions = maps.Versions;
        var index = versions.ToList().IndexOf(maps.InForce(date));
        double Weight(string code, int v)
        {
            if (Weights.TryGetValue(code, out var w)) return w;
            if (v <= 0) return 0;
            var area = versions[v].Areas.FirstOrDefault(a => a.Code == code);
            var before = versions[v - 1].Areas.Any(a => a.Code == code) ? [code] : area?.From ?? [];
            return before.Sum(p => Weight(p, v - 1));
        }
        var version = versions[index];
        return maps.MapAt(date).Units.Where(u => double.IsFinite(u.Latitude)).Select(u =>
        {
            var parent = version.Areas.FirstOrDefault(a => a.Code == u.District);
            var inCity = u.District == "tp-hue" || parent?.Level == AreaLevel.City;
            var weight = Weight(u.Slug, index);
            return new Ward(u.Slug, u.Name, u.Level, u.District, u.Latitude, u.Longitude, weight > 0 ? weight : 0.5) { InCity = inCity };
        }).ToList();
    }

    public static Ward ByName(string name) => All.First(w => w.Name == name);
}
