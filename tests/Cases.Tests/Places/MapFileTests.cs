using Cases.Domain;
using Cases.Places;
using NodaTime;

namespace Cases.Tests.Places;

/// <summary>Issue 24: the administrative map as dated files, each refused with its file, line and reason when wrong.</summary>
public class MapFileTests
{
    const string Before = """
        version 2025.06
        effective 2025-01-01
        title Trước | Before
        basis 1/TEST | 2024-12-01 | test
        province hue | Huế | thành phố Huế | Huế City
        area hue | city | - | Huế | Huế | -
        area phu-hoi | ward | hue | Phú Hội | Phú Hội | 16.4668 107.5947
        area vinh-ninh | ward | hue | Vĩnh Ninh | Vĩnh Ninh | 16.4633 107.5858
        area kim-long | ward | hue | Kim Long | Kim Long | 16.4655 107.5480
        agency so-gtvt | department | - | Sở Giao thông Vận tải | Department of Transport
        agency so-xd | department | - | Sở Xây dựng | Department of Construction
        """;

    const string After = """
        version 2025.07
        effective 2025-07-01
        title Sau | After
        basis 1675/NQ-UBTVQH15 | 2025-06-16 | sắp xếp
        province hue | Huế | thành phố Huế | Huế City
        area hue | city | - | Huế | Huế | -
        area phu-xuan | ward | hue | Phú Xuân | Phú Xuân | 16.4700 107.5800 | from phu-hoi, vinh-ninh
        area kim-long-2025 | ward | hue | Kim Long | Kim Long | 16.4655 107.5480 | from kim-long | provisional: centre estimated
        agency so-xd | department | - | Sở Xây dựng | Department of Construction | from so-gtvt
        """;

    static MapVersion V(string text, string file = "map-test.txt") => MapFile.Parse(file, text);

    static MapDataException Refused(Action act) => Assert.Throws<MapDataException>(act);

    [Fact]
    public void Two_versions_answer_which_ward_was_in_force_and_what_replaced_it()
    {
        var maps = AdministrativeMaps.Build([V(After, "map-b.txt"), V(Before, "map-a.txt")], MapLibrary.HueBounds);
        Assert.Equal(["2025.06", "2025.07"], maps.Versions.Select(v => v.Version));

        var june = maps.MapAt(new LocalDate(2025, 6, 30));
        Assert.NotNull(june.Find("Phú Hội"));
        var july = maps.MapAt(new LocalDate(2025, 7, 1));
        Assert.Null(july.Find("Phú Hội"));
        Assert.Equal("Phú Xuân", july.SuccessorOf("Phú Hội")!.Name);
        Assert.Equal("kim-long-2025", july.Find("Kim Long")!.Slug);
        Assert.Equal("Phú Xuân", july.WardAt(new GeoPoint(16.4668, 107.5947))!.Name); // a point finds today's unit

        Assert.Equal("so-xd", maps.AgencyNow("so-gtvt", new LocalDate(2026, 1, 1)));
        Assert.Equal("so-gtvt", maps.AgencyNow("so-gtvt", new LocalDate(2025, 6, 1)));
        var (ended, successor) = Assert.Single(maps.EndedAgencies(maps.Versions[1]));
        Assert.Equal(("so-gtvt", "so-xd"), (ended.Id, successor.Id));
        Assert.Equal(["line 8: kim-long-2025: centre estimated"], maps.Versions[1].Provisional);
    }

    [Fact]
    public void A_unit_succeeded_by_nothing_is_refused_with_the_file_and_its_effective_line()
    {
        var e = Refused(() => AdministrativeMaps.Build([V(Before), V(After.Replace(", vinh-ninh", ""), "map-2025-07.txt")], MapLibrary.HueBounds));
        Assert.Equal(("map-2025-07.txt", 2), (e.FileName, e.Line));
        Assert.Contains("'vinh-ninh'", e.Problem);
        Assert.Contains("succeeded by nothing", e.Problem);

        // An agency too: its open cases would have nowhere to go.
        var agency = Refused(() => AdministrativeMaps.Build([V(Before), V(After.Replace(" | from so-gtvt", ""))], MapLibrary.HueBounds));
        Assert.Contains("'so-gtvt'", agency.Problem);
        Assert.Contains("open cases would have no agency", agency.Problem);
    }

    [Fact]
    public void A_cycle_of_successors_is_refused_at_its_line()
    {
        var e = Refused(() => V(After.Replace("from phu-hoi, vinh-ninh", "from phu-hoi, kim-long-2025")));
        Assert.Equal(7, e.Line);
        Assert.Contains("cycle", e.Problem);
        Assert.Contains("cycle", Refused(() => V(After.Replace("from kim-long", "from kim-long-2025"))).Problem);
    }

    [Fact]
    public void A_version_dated_before_its_predecessor_is_refused()
    {
        var e = Refused(() => AdministrativeMaps.Build([V(Before), V(After.Replace("effective 2025-07-01", "effective 2024-12-31"), "map-2025-07.txt")], MapLibrary.HueBounds));
        Assert.Equal(("map-2025-07.txt", 7), (e.FileName, e.Line));
        Assert.Contains("dated before its predecessor", e.Problem);

        // Two versions on the same day: the later file is not after the one before it.
        var same = Refused(() => AdministrativeMaps.Build([V(Before), V(After.Replace("effective 2025-07-01", "effective 2025-01-01").Replace(" | from phu-hoi, vinh-ninh", "").Replace(" | from kim-long", "").Replace(" | from so-gtvt", ""))], MapLibrary.HueBounds));
        Assert.Contains("not after the version before it", same.Problem);
    }

    [Fact]
    public void An_unknown_parent_a_duplicate_code_and_an_unknown_predecessor_are_refused_at_their_lines()
    {
        var parent = Refused(() => V(Before.Replace("area phu-hoi | ward | hue |", "area phu-hoi | ward | tp-hue |")));
        Assert.Equal((7, true), (parent.Line, parent.Problem.Contains("Unknown parent 'tp-hue'")));

        var duplicate = Refused(() => V(Before.Replace("area kim-long |", "area phu-hoi |")));
        Assert.Equal(9, duplicate.Line);
        Assert.Contains("Duplicate code 'phu-hoi' (first at line 7)", duplicate.Problem);

        var predecessor = Refused(() => AdministrativeMaps.Build([V(Before), V(After.Replace("from kim-long", "from long-ho"))], MapLibrary.HueBounds));
        Assert.Equal(8, predecessor.Line);
        Assert.Contains("'long-ho', which is not an area of the version before", predecessor.Problem);
    }

    [Fact]
    public void Malformed_lines_and_missing_headers_name_what_is_wrong()
    {
        Assert.Contains("is not a date", Refused(() => V(Before.Replace("effective 2025-01-01", "effective 1/1/2025"))).Problem);
        Assert.Contains("Unknown level 'quan'", Refused(() => V(Before.Replace("| ward | hue | Phú Hội", "| quan | hue | Phú Hội"))).Problem);
        Assert.Contains("is not a centre", Refused(() => V(Before.Replace("16.4668 107.5947", "north"))).Problem);
        Assert.Contains("no 'basis' line", Refused(() => V(Before.Replace("basis 1/TEST | 2024-12-01 | test\n", ""))).Problem);
        Assert.Contains("Unknown line 'ward'", Refused(() => V(Before + "\nward x")).Problem);
    }

    [Fact]
    public void The_shipped_maps_load_and_every_unit_in_force_has_a_centre_for_the_point_lookup()
    {
        var maps = MapLibrary.Embedded();
        var today = maps.MapAt(new LocalDate(2026, 12, 4));
        Assert.NotEmpty(today.Units);
        Assert.All(today.Units, u => Assert.True(double.IsFinite(u.Latitude) && double.IsFinite(u.Longitude), u.Name));
        Assert.All(today.Units, u => Assert.True(today.InProvince(new GeoPoint(u.Latitude, u.Longitude)), u.Name));
        Assert.Equal(today.Units.Count, today.Units.Select(u => u.Name).Distinct().Count());
    }
}
