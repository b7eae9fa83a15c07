namespace Cases.GraphQL.Open311;

/// <summary>One Open311 service: a field-report category under a stable ASCII code.</summary>
public sealed record Open311Service(string Code, string Category, string Name, string Description, string Group);

/// <summary>
/// The services (GeoReport v2 "GET Service List"): the field-report categories of policies.txt, each under a code
/// that never changes when a category's name does. An explicit list, so a new category is published on purpose.
/// Misconduct reports (<c>official_misconduct</c>) are not offered: they are confidential and never in a public
/// view (DESIGN 7), so a client could neither follow them nor show them; citizens report those on the site.
/// Dossiers are administrative procedures, not service requests, and are not offered either. No category has
/// attributes yet, so every service says <c>metadata=false</c> and its definition lists none.
/// </summary>
public static class Open311Services
{
    public static readonly IReadOnlyList<Open311Service> All =
    [
        new("construction-order", "construction_order", "Trật tự xây dựng",
            "Construction without a permit, beyond its permit, or blocking the street; building materials left on the pavement.", "Trật tự đô thị"),
        new("sanitation-environment", "sanitation_environment", "Vệ sinh môi trường",
            "Uncollected rubbish, illegal dumping, odour, smoke, polluted water.", "Môi trường"),
        new("traffic-infrastructure", "traffic_infrastructure", "Hạ tầng giao thông",
            "Potholes, broken road surface, damaged or missing traffic signs and signals, broken guard rails.", "Hạ tầng"),
        new("urban-infrastructure", "urban_infrastructure", "Hạ tầng đô thị (chiếu sáng, thoát nước, cây xanh)",
            "Street lights out, blocked drains and flooding, fallen or dangerous trees, broken pavements.", "Hạ tầng"),
        new("public-order", "public_order", "Trật tự công cộng",
            "Pavements occupied by trade or parking, noise at night, unlicensed advertising.", "Trật tự đô thị"),
        new("tourism-service", "tourism_service", "Chất lượng dịch vụ du lịch",
            "Overcharging, touting, unsafe or unclean tourist services, misleading prices.", "Du lịch"),
    ];

    static readonly Dictionary<string, Open311Service> ByCode = All.ToDictionary(s => s.Code, StringComparer.Ordinal);
    static readonly Dictionary<string, Open311Service> ByCategory = All.ToDictionary(s => s.Category, StringComparer.Ordinal);

    public static Open311Service? Find(string code) => ByCode.GetValueOrDefault(code);
    public static Open311Service? OfCategory(string category) => ByCategory.GetValueOrDefault(category);

    public static void WriteList(Open311Writer w)
    {
        w.BeginArray("services");
        foreach (var s in All)
        {
            w.BeginObject("service");
            w.Field("service_code", s.Code);
            w.Field("service_name", s.Name);
            w.Field("description", s.Description);
            w.Field("metadata", false);
            w.Field("type", "realtime");
            w.Field("keywords", s.Category);
            w.Field("group", s.Group);
            w.EndObject();
        }
        w.EndArray();
    }

    /// <summary>GeoReport v2 "GET Service Definition": the service's attributes, none so far.</summary>
    public static void WriteDefinition(Open311Writer w, Open311Service s)
    {
        w.BeginObject("service_definition");
        w.Field("service_code", s.Code);
        w.BeginArray("attributes");
        w.EndArray();
        w.EndObject();
    }
}
