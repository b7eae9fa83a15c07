using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Http;

/// <summary>
/// The outcome of parsing and validating one document text: the document when it is valid, else the errors
/// (one syntax error, or the validation errors). Both outcomes are cached: an invalid document sent again is
/// refused again without redoing the work.
/// </summary>
internal sealed record PreparedDocument(DocumentNode? Document, IReadOnlyList<GraphQLError> Errors);

/// <summary>
/// A bounded least-recently-used cache of prepared documents keyed by the SHA-256 of their text (so the key is
/// small and a long document is hashed once). One cache per endpoint: validity depends on the schema and options.
/// </summary>
internal sealed class DocumentCache(int capacity)
{
    // Longer texts are prepared every time rather than cached: a thousand entries of a megabyte each would pin a
    // gigabyte of syntax trees, and real clients send short documents (or persisted ids).
    private const int MaxCachedLength = 64 * 1024;

    private readonly Dictionary<string, LinkedListNode<(string Key, PreparedDocument Value)>> _map = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, PreparedDocument Value)> _recency = new();
    private readonly Lock _lock = new();

    public PreparedDocument GetOrAdd(string query, Func<string, PreparedDocument> prepare)
    {
        if (capacity <= 0 || query.Length > MaxCachedLength) return prepare(query);
        var key = PersistedDocumentStore.Sha256Hex(query);
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Value;
            }
        }
        // Prepared outside the lock: two requests racing on a new text both do the work once, which is cheaper
        // than making every other request wait behind a long parse.
        var prepared = prepare(query);
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing)) return existing.Value.Value;
            _map[key] = _recency.AddFirst((key, prepared));
            while (_map.Count > capacity)
            {
                var last = _recency.Last!;
                _recency.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
        return prepared;
    }

    public int Count
    {
        get
        {
            lock (_lock) return _map.Count;
        }
    }
}
