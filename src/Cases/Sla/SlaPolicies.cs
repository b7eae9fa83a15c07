namespace Cases.Sla;

/// <summary>
/// The SLA policy catalogue (DESIGN 2.4): one <see cref="SlaPolicy"/> per case kind and category, loaded once at
/// start from the versioned data file <c>Sla/Data/policies.txt</c>. Immutable.
/// </summary>
public sealed class SlaPolicies
{
    public const string EmbeddedFileName = "policies.txt";

    private readonly IReadOnlyDictionary<(SlaCaseKind, string), SlaPolicy> policies;

    internal SlaPolicies(string version, int informationReplyWorkingDays, IReadOnlyDictionary<(SlaCaseKind, string), SlaPolicy> policies)
    {
        Version = version;
        InformationReplyWorkingDays = informationReplyWorkingDays;
        this.policies = policies;
    }

    /// <summary>The catalogue's version, e.g. <c>2026.1</c>; events that start a clock record it.</summary>
    public string Version { get; }

    /// <summary>
    /// The working days a citizen has to answer a request for information, for every kind and category; counted
    /// like a dossier's time (<see cref="WorkingCalendar.AddWorkingDays"/>) from the request.
    /// </summary>
    public int InformationReplyWorkingDays { get; }

    /// <summary>Every policy, in no particular order.</summary>
    public IEnumerable<SlaPolicy> All => policies.Values;

    /// <summary>Reads the catalogue embedded in the assembly.</summary>
    /// <exception cref="PolicyDataException">The file is malformed or incomplete.</exception>
    public static SlaPolicies LoadEmbedded() => EmbeddedData.Read(EmbeddedFileName, Parse);

    /// <summary>Reads a catalogue from text (see <see cref="SlaPolicyParser"/> for the format).</summary>
    /// <exception cref="PolicyDataException">The text is malformed or incomplete, naming the file and line.</exception>
    public static SlaPolicies Parse(string fileName, TextReader reader) => SlaPolicyParser.Parse(fileName, reader);

    /// <summary>The policy of a kind and category.</summary>
    /// <exception cref="UnknownSlaCategoryException">The catalogue does not declare that category for that kind.</exception>
    public SlaPolicy For(SlaCaseKind kind, string category) =>
        policies.TryGetValue((kind, category), out var policy)
            ? policy
            : throw new UnknownSlaCategoryException(kind, category, Version);

    /// <summary>Whether the catalogue declares <paramref name="category"/> for <paramref name="kind"/>.</summary>
    public bool Declares(SlaCaseKind kind, string category) => policies.ContainsKey((kind, category));

    /// <summary>The categories declared for a kind, sorted.</summary>
    public IReadOnlyList<string> Categories(SlaCaseKind kind) =>
        policies.Keys.Where(k => k.Item1 == kind).Select(k => k.Item2).Order(StringComparer.Ordinal).ToList();
}
