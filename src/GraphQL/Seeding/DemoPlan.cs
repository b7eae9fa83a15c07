using Bogus;
using Cases.Domain;
using Cases.Sla;
using Cases.Handlers;
using NodaTime;

namespace Cases.GraphQL.Seeding;

/// <summary>
/// Draws the demo cases from the seed, in order of arrival: what each reports and where, who reports it, and
/// what will become of it. Pure: the same options and calendar give the same plans. The shares below are the
/// demo's targets (DESIGN 0): about a third of reports fail verification, about 3 % of resolutions are late,
/// about 85 % of ratings are satisfied.
/// </summary>
internal static class DemoPlan
{
    static readonly (string Category, double Weight)[] ReportCategories =
    [
        ("sanitation_environment", 27), ("urban_infrastructure", 22), ("traffic_infrastructure", 18), ("construction_order", 14),
        ("public_order", 11), ("tourism_service", 7), ("official_misconduct", 1),
    ];

    static readonly (string Procedure, double Weight)[] Procedures =
    [
        ("birth_registration", 24), ("land_use_certificate", 18), ("household_business_registration", 16), ("judicial_record", 14),
        ("construction_permit", 12), ("marriage_registration", 9), ("business_registration", 7),
    ];

    /// <summary>Wards with heritage sites, markets and beaches get most tourism reports: the Citadel and Đông Ba market
    /// (Phú Xuân), the walking street (Thuận Hóa), Thiên Mụ (Kim Long), the royal tombs (Thủy Xuân), the beaches
    /// (Thuận An, Chân Mây - Lăng Cô). Names of the map in force (DemoDataTests checks them against it).</summary>
    public static readonly IReadOnlySet<string> TouristWards = new HashSet<string> { "Phú Xuân", "Thuận Hóa", "Kim Long", "Thủy Xuân", "Thuận An", "Chân Mây - Lăng Cô" };

    static readonly string[] MobilePrefixes = ["090", "093", "089", "070", "079", "077", "076", "078", "091", "094", "088", "083", "084", "085", "081", "082", "096", "097", "098", "086", "032", "033", "034", "035", "036", "037", "038", "039"];

    public static IReadOnlyList<CasePlan> Create(SeedOptions options, WorkingCalendar calendar)
    {
        var rng = new Random(options.Seed);
        var faker = new Faker("vi") { Random = new Randomizer(options.Seed) };
        var arrivals = new ArrivalModel(calendar, options.ReferenceNow);

        var arriving = Enumerable.Range(0, options.Cases)
            .Select(i =>
            {
                var kind = rng.NextDouble() < 0.8 ? CaseKind.FieldReport : CaseKind.Dossier;
                var channel = kind == CaseKind.FieldReport
                    ? Weighted(rng, (Channel.App, 0.55), (Channel.Web, 0.18), (Channel.Hotline, 0.17), (Channel.Social, 0.10))
                    : Weighted(rng, (Channel.Desk, 0.65), (Channel.Web, 0.35));
                return (i, kind, channel, at: arrivals.Next(kind, channel, rng));
            })
            .OrderBy(a => a.at).ThenBy(a => a.i)
            .ToList();

        var plans = new List<CasePlan>(options.Cases);
        var masters = new List<CasePlan>(); // the reports a later one may duplicate, in arrival order
        foreach (var (_, kind, channel, at) in arriving)
        {
            var plan = kind == CaseKind.FieldReport
                ? Report(plans.Count, at, channel, rng, faker, masters, options.ReferenceNow)
                : Dossier(plans.Count, at, channel, rng, faker, options.ReferenceNow);
            if (options.OpenShare > 0 && rng.NextDouble() < options.OpenShare) plan = StopsOpen(plan, rng);
            plans.Add(plan);
            if (plan.Kind == CaseKind.FieldReport && plan.Verification == Verification.Proceed && plan.Category != CaseDecider.MisconductCategory)
                masters.Add(plan);
        }
        return plans;
    }

    /// <summary>The index of the first plan received strictly after <paramref name="t"/> (plans are in arrival order).</summary>
    static int FirstAfter(List<CasePlan> plans, Instant t)
    {
        var (lo, hi) = (0, plans.Count);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (plans[mid].ReceivedAt > t) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    static CasePlan Report(int index, Instant at, Channel channel, Random rng, Faker faker, List<CasePlan> masters, Instant now)
    {
        var flood = ArrivalModel.InFloodSeason(at);
        var month = at.InZone(WorkingCalendar.Zone).Month;
        var category = Weighted(rng, ReportCategories.Select(c => (c.Category, c.Weight * CategorySeason(c.Category, month, flood))).ToArray());
        var ward = Weighted(rng, Wards.All.Select(w => (w, w.Weight * (category == "tourism_service" && TouristWards.Contains(w.Name) ? 4 : 1))).ToArray());
        var topic = Weighted(rng, Topics.ByCategory[category].Select(t => (t, t.Flood ? (flood ? 3.0 : 0.1) : 1.0)).ToArray());
        var location = rng.NextDouble() < channel switch { Channel.App => 0.95, Channel.Web => 0.7, Channel.Hotline => 0.5, _ => 0.4 }
            ? Near(ward, rng, 300) : null;
        // A citizen's own report from the app or the web needs its place (CaseDecider.Submit): the ward's centre when
        // the draw gave none, so the random sequence (and every demo case after it) stays as it was.
        if (location is null && channel is Channel.App or Channel.Web && !CaseDecider.PlacelessCategories.Contains(category))
            location = new GeoPoint(ward.Latitude, ward.Longitude);
        var description = Describe(topic, ward, rng);

        // About a third fail verification (DESIGN 0): rejected, or the same problem reported again.
        var verification = Weighted(rng, (Verification.Proceed, 0.67), (Verification.Reject, 0.22), (Verification.Duplicate, 0.11));
        int? master = null;
        if (verification == Verification.Duplicate)
        {
            // Received between 14 days and 30 minutes before: a contiguous run of the masters, found by binary
            // search (a scan of every earlier case made a million-case seed quadratic).
            var from = FirstAfter(masters, at - Duration.FromDays(14));
            var count = FirstAfter(masters, at - Duration.FromMinutes(30) - Duration.Epsilon) - from;
            if (count <= 0) verification = Verification.Reject;
            else
            {
                var m = masters[from + rng.Next(count)];
                (master, category, ward, description) = (m.Index, m.Category, m.Ward, m.Description);
                location = m.Location is { } p ? Jitter(p, rng, 40) : location;
                // A duplicate drawn as a placeless category takes its master's, which needs a place from the app or the web.
                if (location is null && channel is Channel.App or Channel.Web && !CaseDecider.PlacelessCategories.Contains(category))
                    location = new GeoPoint(ward.Latitude, ward.Longitude);
            }
        }

        var (lead, other, supporting) = Agencies(Topics.ByCategory[category].Contains(topic) ? topic : Topics.ByCategory[category][0], ward, rng, 0.15);
        var recent = at > now - Duration.FromDays(45);
        var late = rng.NextDouble() < 0.025;
        var extension = !late && rng.NextDouble() < 0.03;
        var backlog = recent && rng.NextDouble() < 0.15;
        var rating = rng.NextDouble() < channel switch { Channel.App => 0.75, Channel.Web => 0.7, Channel.Hotline => 0.55, _ => 0 }
            ? Score(rng, late) : (int?)null;
        var reopen = rating <= 2 && rng.NextDouble() < 0.5;
        return new CasePlan
        {
            Index = index, ReceivedAt = at, Kind = CaseKind.FieldReport, Channel = channel, Category = category, Ward = ward,
            Location = location, Description = description, MediaRefs = Media(index, channel, rng), Reporter = Reporter(channel, CaseKind.FieldReport, ward, rng, faker),
            Verification = verification, MasterIndex = master,
            Reclassify = rng.NextDouble() < 0.06 ? OtherCategory(category, rng) : null,
            Priority = rng.NextDouble() < UrgentShare(category) ? Priority.Urgent : Priority.Normal,
            Lead = lead, OtherAgency = other, Supporting = supporting,
            QuestionBeforeVerification = Ask(rng, 0.04, 0.75),
            Declined = rng.NextDouble() < 0.04,
            Transferred = rng.NextDouble() < 0.03,
            ProgressNotes = Weighted(rng, (0, 0.5), (1, 0.35), (2, 0.15)),
            AgencyQuestion = Ask(rng, 0.06, 0.8),
            Extension = extension, Late = late, Backlog = backlog,
            Returned = !late && rng.NextDouble() < 0.03,
            Rating = rating, Reopen = reopen,
            SecondRating = reopen && rng.NextDouble() < 0.7 ? Score(rng, false) : null,
            TimingSeed = rng.Next(),
        };
    }

    static CasePlan Dossier(int index, Instant at, Channel channel, Random rng, Faker faker, Instant now)
    {
        var procedure = Weighted(rng, Procedures);
        var ward = Weighted(rng, Wards.All.Select(w => (w, w.Weight)).ToArray());
        var topic = Topics.ByProcedure[procedure][0];
        var sited = procedure is "construction_permit" or "land_use_certificate";
        var (lead, other, supporting) = Agencies(topic, ward, rng, sited ? 0.1 : 0);
        var recent = at > now - Duration.FromDays(45);
        var apology = rng.NextDouble() < 0.025;
        var late = !apology && rng.NextDouble() < 0.008;
        return new CasePlan
        {
            Index = index, ReceivedAt = at, Kind = CaseKind.Dossier, Channel = channel, Category = procedure, Ward = ward,
            Location = sited ? Near(ward, rng, 300) : null, Description = Describe(topic, ward, rng),
            MediaRefs = Media(index, channel, rng), Reporter = Reporter(channel, CaseKind.Dossier, ward, rng, faker),
            Verification = rng.NextDouble() < 0.04 ? Verification.Reject : Verification.Proceed,
            Lead = lead, OtherAgency = other, Supporting = supporting,
            QuestionBeforeVerification = channel == Channel.Web ? Ask(rng, 0.08, 0.85) : Question.None,
            Declined = rng.NextDouble() < 0.015,
            Transferred = rng.NextDouble() < 0.01,
            ProgressNotes = sited || procedure == "judicial_record" ? Weighted(rng, (0, 0.5), (1, 0.35), (2, 0.15)) : 0,
            AgencyQuestion = Ask(rng, 0.05, 0.85),
            Apology = apology, Late = late, Backlog = recent && rng.NextDouble() < 0.1,
            Rating = rng.NextDouble() < (channel == Channel.Web ? 0.6 : 0.45) ? Score(rng, apology || late) : null,
            TimingSeed = rng.Next(),
        };
    }

    /// <summary>
    /// A case that stays open (<see cref="SeedOptions.OpenShare"/>): it stops at a stage of work, most often in
    /// progress, and one that gets past reception is not rejected or linked as a duplicate on the way.
    /// </summary>
    static CasePlan StopsOpen(CasePlan plan, Random rng)
    {
        var stop = Weighted(rng, (CaseStatus.Received, 0.10), (CaseStatus.Verified, 0.15), (CaseStatus.Assigned, 0.25), (CaseStatus.InProgress, 0.50));
        return stop == CaseStatus.Received ? plan with { StopAt = stop }
            : plan with { StopAt = stop, Verification = Verification.Proceed, MasterIndex = null, Declined = false, Transferred = false };
    }

    static double CategorySeason(string category, int month, bool flood) => (category, flood) switch
    {
        ("urban_infrastructure", true) => 1.6,
        ("traffic_infrastructure", true) => 1.4,
        ("sanitation_environment", true) => 1.3,
        ("tourism_service", _) when month is >= 4 and <= 8 => 1.6, // summer, and Festival Huế in June
        _ => 1.0,
    };

    static double UrgentShare(string category) => category switch
    {
        "traffic_infrastructure" => 0.2, "public_order" => 0.15, "urban_infrastructure" => 0.12, "construction_order" => 0.1,
        "sanitation_environment" => 0.08, "tourism_service" => 0.05, _ => 0,
    };

    static string OtherCategory(string category, Random rng)
    {
        var others = ReportCategories.Where(c => c.Category != category && c.Category != CaseDecider.MisconductCategory).ToArray();
        return others[rng.Next(others.Length)].Category;
    }

    static Question Ask(Random rng, double share, double answered) =>
        rng.NextDouble() >= share ? Question.None : rng.NextDouble() < answered ? Question.Answered : Question.Unanswered;

    /// <summary>Satisfied (4 or 5) about 85 % of the time; less when the case was late.</summary>
    static int Score(Random rng, bool late) => late
        ? Weighted(rng, (5, 0.2), (4, 0.3), (3, 0.2), (2, 0.15), (1, 0.15))
        : Weighted(rng, (5, 0.58), (4, 0.29), (3, 0.06), (2, 0.04), (1, 0.03));

    /// <summary>The lead (the topic's first candidate most often), where a decline or transfer sends it, and supporting agencies.</summary>
    static (string Lead, string Other, IReadOnlyList<string> Supporting) Agencies(Topic topic, Ward ward, Random rng, double supportShare)
    {
        var candidates = topic.Leads.Select(t => Resolve(t, ward)).Distinct().ToList();
        var lead = Weighted(rng, candidates.Select((c, i) => (c, i switch { 0 => 0.6, 1 => 0.25, _ => 0.15 })).ToArray());
        var fallback = Seeding.Agencies.DistrictCommittee(ward);
        var others = candidates.Where(c => c != lead).ToList();
        var other = others.Count > 0 ? others[rng.Next(others.Count)] : lead != fallback ? fallback : Seeding.Agencies.Fallback;
        IReadOnlyList<string> supporting = rng.NextDouble() < supportShare
            ? [new[] { Seeding.Agencies.WardPolice(ward), Seeding.Agencies.WardCommittee(ward) }.First(a => a != lead)]
            : [];
        return (lead, other, supporting);
    }

    static string Resolve(string token, Ward ward) => token switch
    {
        "{commune}" => Seeding.Agencies.WardCommittee(ward),
        "{police}" => Seeding.Agencies.WardPolice(ward),
        "{district}" => Seeding.Agencies.DistrictCommittee(ward),
        "{district-police}" => Seeding.Agencies.DistrictPolice(ward),
        _ when token.StartsWith("hue:", StringComparison.Ordinal) =>
            ward.InCity ? Seeding.Agencies.Current(token["hue:".Length..]) : Seeding.Agencies.DistrictCommittee(ward),
        _ => Seeding.Agencies.Current(token),
    };

    static string Describe(Topic topic, Ward ward, Random rng) => topic.Template
        .Replace("{street}", Topics.Streets[rng.Next(Topics.Streets.Count)])
        .Replace("{place}", Topics.Places[rng.Next(Topics.Places.Count)])
        .Replace("{ward}", ward.LevelAndName);

    static IReadOnlyList<string> Media(int index, Channel channel, Random rng)
    {
        var count = channel switch
        {
            Channel.App => rng.NextDouble() < 0.9 ? rng.Next(1, 4) : 0,
            Channel.Web => rng.NextDouble() < 0.5 ? rng.Next(1, 3) : 0,
            Channel.Social => rng.NextDouble() < 0.6 ? 1 : 0,
            Channel.Desk => rng.Next(1, 4),
            _ => 0,
        };
        var kind = channel == Channel.Desk ? "scan" : "photo";
        return [.. Enumerable.Range(1, count).Select(k => $"demo/{index:D5}/{kind}-{k}.jpg")];
    }

    /// <summary>The reporter's contact, by channel: social posts come without one; a dossier always names its applicant.</summary>
    static ReporterContact? Reporter(Channel channel, CaseKind kind, Ward ward, Random rng, Faker faker)
    {
        if (channel == Channel.Social) return null;
        var dossier = kind == CaseKind.Dossier;
        var (nameShare, phoneShare, emailShare) = (channel, dossier) switch
        {
            (_, true) => (1.0, 1.0, channel == Channel.Web ? 1.0 : 0.6),
            (Channel.App, _) => (0.85, 0.95, 0.6),
            (Channel.Web, _) => (0.9, 0.8, 0.9),
            _ => (0.7, 1.0, 0.0), // the hotline: the caller's number
        };
        var given = faker.Name.FirstName();
        var family = faker.Name.LastName();
        var name = rng.NextDouble() < nameShare ? $"{family} {given}" : null; // Vietnamese order: family name first
        var phone = rng.NextDouble() < phoneShare ? $"{MobilePrefixes[rng.Next(MobilePrefixes.Length)]}{rng.Next(10_000_000):D7}" : null;
        var email = rng.NextDouble() < emailShare ? faker.Internet.Email(given.Replace(" ", ""), family, "gmail.com").ToLowerInvariant() : null;
        var address = dossier ? $"{rng.Next(1, 200)} {Topics.Streets[rng.Next(Topics.Streets.Count)]}, {ward.LevelAndName}" : null;
        return (name ?? phone ?? email) is null ? null : new ReporterContact(name, phone, email, address);
    }

    static GeoPoint Near(Ward ward, Random rng, double metres) => Jitter(new GeoPoint(ward.Latitude, ward.Longitude), rng, metres);

    /// <summary>A normally distributed offset of about <paramref name="metres"/> (one standard deviation).</summary>
    static GeoPoint Jitter(GeoPoint p, Random rng, double metres)
    {
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        const double MetresPerDegree = 111_320;
        var lat = p.Latitude + Gaussian() * metres / MetresPerDegree;
        var lon = p.Longitude + Gaussian() * metres / (MetresPerDegree * Math.Cos(p.Latitude * Math.PI / 180));
        return new GeoPoint(Math.Round(lat, 6), Math.Round(lon, 6));
    }

    static T Weighted<T>(Random rng, params (T Value, double Weight)[] choices)
    {
        var x = rng.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            if (x < weight) return value;
            x -= weight;
        }
        return choices[^1].Value;
    }
}
