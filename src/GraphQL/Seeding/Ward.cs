using Cases.Places;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// A ward, commune or township of the province, as cases name it (<see cref="Name"/>), with the district-level
/// unit it belongs to and its approximate centre. <see cref="Weight"/> is its relative share of reports
/// (population and density, roughly).
/// </summary>
public sealed record Ward(string Slug, string Name, WardLevel Level, string District, double Latitude, double Longitude, double Weight)
{
    /// <summary>In the city proper (the former thành phố Huế, or any unit directly under a centrally-run city).</summary>
    public bool InCity { get; init; }

    /// <summary>"phường Phú Hội", "xã Hải Dương", "thị trấn Sịa".</summary>
    public string LevelAndName => Level switch
    {
        WardLevel.Ward => $"phường {Name}",
        WardLevel.Commune => $"xã {Name}",
        _ => $"thị trấn {Name}",
    };

    public string LevelAndNameEn => Level switch
    {
        WardLevel.Ward => $"{Name} Ward",
        WardLevel.Commune => $"{Name} Commune",
        _ => $"{Name} Township",
    };
}
