using System.Text.Json;

namespace Cases.GraphQL.Conformance.Server;

/// <summary>Reads a persisted-documents manifest: a JSON object of SHA-256 id to document text.</summary>
public static class PersistedManifest
{
    public static IReadOnlyDictionary<string, string> Load(string path) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
        ?? throw new InvalidDataException($"{path} is not a JSON object.");
}
