namespace Cases.GraphQL.Engine.Http;

/// <summary>
/// The parameters of one GraphQL-over-HTTP request (draft section 5 "Request Parameters"), as read from a GET
/// query string or a POST JSON body. <see cref="Variables"/> and <see cref="Extensions"/> hold plain CLR values
/// (see <see cref="Execution.JsonInput.ToClr"/>).
/// </summary>
public sealed record GraphQLRequest(
    string? Query,
    string? OperationName,
    IReadOnlyDictionary<string, object?>? Variables,
    IReadOnlyDictionary<string, object?>? Extensions,
    string? DocumentId)
{
    /// <summary>
    /// The persisted document id: <c>documentId</c>, else Apollo's <c>extensions.persistedQuery.sha256Hash</c>.
    /// </summary>
    public string? PersistedId =>
        DocumentId
        ?? (Extensions?.GetValueOrDefault("persistedQuery") is IReadOnlyDictionary<string, object?> pq
            ? pq.GetValueOrDefault("sha256Hash") as string
            : null);
}
