using System.Text.Json;
using Cases.GraphQL.Engine.Execution;

namespace Cases.GraphQL.Conformance.Server;

/// <summary>
/// The fixture data (fixtures/library.json, shared with the JS reference) as plain maps, the shape the engine's
/// default resolver reads. Each record gets a "__typename" entry that abstract types resolve by.
/// </summary>
public sealed class LibraryData
{
    private LibraryData(JsonElement root)
    {
        Books = Records(root, "books", "Book");
        Films = Records(root, "films", "Film");
        Authors = Records(root, "authors", "Author");
        Readings = Records(root, "readings", "Reading");
        LoanStartedAt = root.GetProperty("loanStartedAt").GetString()!;
        ById = Books.Concat(Films).Concat(Authors).ToDictionary(r => (string)r["id"]!);
    }

    public IReadOnlyList<Dictionary<string, object?>> Books { get; }
    public IReadOnlyList<Dictionary<string, object?>> Films { get; }
    public IReadOnlyList<Dictionary<string, object?>> Authors { get; }
    public IReadOnlyList<Dictionary<string, object?>> Readings { get; }
    public IReadOnlyDictionary<string, Dictionary<string, object?>> ById { get; }
    public string LoanStartedAt { get; }

    public static LibraryData Load(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return new LibraryData(json.RootElement);
    }

    private static List<Dictionary<string, object?>> Records(JsonElement root, string name, string typeName) =>
        root.GetProperty(name).EnumerateArray().Select(e =>
        {
            var record = JsonInput.ToDictionary(e);
            record["__typename"] = typeName;
            return record;
        }).ToList();
}
