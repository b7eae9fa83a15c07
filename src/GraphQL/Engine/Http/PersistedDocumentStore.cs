using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Cases.GraphQL.Engine.Http;

/// <summary>
/// Persisted ("trusted") documents: GraphQL texts known in advance, addressed by the lowercase hex SHA-256 of
/// their UTF-8 text. Ids are computed here, never taken on trust, so an id always names exactly its text.
/// </summary>
public sealed class PersistedDocumentStore
{
    private readonly FrozenDictionary<string, string> _byHash;

    private PersistedDocumentStore(FrozenDictionary<string, string> byHash) => _byHash = byHash;

    /// <summary>A store of the given document texts.</summary>
    public static PersistedDocumentStore FromDocuments(IEnumerable<string> documents) =>
        new(documents.Distinct().ToFrozenDictionary(Sha256Hex, d => d));

    /// <summary>
    /// A store from a manifest of id to text (the usual build output of a client); throws when an id is not the
    /// SHA-256 of its text, so a wrong manifest fails at start-up rather than serving the wrong document.
    /// </summary>
    public static PersistedDocumentStore FromManifest(IReadOnlyDictionary<string, string> manifest)
    {
        foreach (var (id, text) in manifest)
        {
            var expected = Sha256Hex(text);
            if (!string.Equals(Normalize(id), expected, StringComparison.Ordinal))
                throw new ArgumentException($"Persisted document id {id} is not the SHA-256 of its text ({expected}).", nameof(manifest));
        }
        return FromDocuments(manifest.Values);
    }

    public int Count => _byHash.Count;

    /// <summary>Finds a document by id: hex SHA-256, optionally prefixed "sha256:" (the GraphQL over HTTP document id form).</summary>
    public bool TryGet(string id, out string text) => _byHash.TryGetValue(Normalize(id), out text!);

    /// <summary>Whether this exact text is one of the documents.</summary>
    public bool Contains(string text) => _byHash.ContainsKey(Sha256Hex(text));

    /// <summary>The lowercase hex SHA-256 of a text's UTF-8 bytes.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal static string Normalize(string id) =>
        (id.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase) ? id[7..] : id).ToLowerInvariant();
}
