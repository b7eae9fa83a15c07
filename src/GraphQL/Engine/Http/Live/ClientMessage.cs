using System.Text.Json;
using Cases.GraphQL.Engine.Execution;

namespace Cases.GraphQL.Engine.Http.Live;

/// <summary>
/// A message from a graphql-transport-ws client, checked as graphql-ws's <c>validateMessage</c> checks it: an
/// object with a string <c>type</c>; <c>connection_init</c>, <c>ping</c> and <c>pong</c> with an optional object
/// payload; <c>subscribe</c> with a non-empty string id and a payload holding a string <c>query</c> (and optional
/// <c>operationName</c>, <c>variables</c>, <c>extensions</c> of the right types); <c>complete</c> with an id.
/// Anything else throws <see cref="FormatException"/> (the socket is then closed with 4400).
/// </summary>
internal sealed record ClientMessage(string Type, string? Id, IReadOnlyDictionary<string, object?>? Payload, GraphQLRequest? Request)
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static ClientMessage Parse(ReadOnlyMemory<byte> utf8)
    {
        using var json = JsonDocument.Parse(utf8, Options);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
            throw new FormatException("A message is an object with a string \"type\".");
        var type = typeElement.GetString()!;
        switch (type)
        {
            case "connection_init" or "ping" or "pong":
                return new ClientMessage(type, null, OptionalObject(root, "payload"), null);
            case "subscribe":
            {
                var id = IdOf(root);
                if (!root.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
                    throw new FormatException("subscribe needs a payload object.");
                if (!payload.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
                    throw new FormatException("subscribe needs a string query.");
                var request = new GraphQLRequest(query.GetString(), OptionalString(payload, "operationName"),
                    OptionalObject(payload, "variables"), OptionalObject(payload, "extensions"), null);
                return new ClientMessage(type, id, null, request);
            }
            case "complete":
                return new ClientMessage(type, IdOf(root), null, null);
            default:
                return new ClientMessage(type, null, null, null);
        }
    }

    private static string IdOf(JsonElement root) =>
        root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } s
            ? s : throw new FormatException("The message needs a non-empty string id.");

    private static string? OptionalString(JsonElement obj, string name) =>
        !obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.String ? v.GetString() : throw new FormatException($"\"{name}\" must be a string.");

    private static IReadOnlyDictionary<string, object?>? OptionalObject(JsonElement obj, string name) =>
        !obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? null
        : v.ValueKind == JsonValueKind.Object ? JsonInput.ToDictionary(v) : throw new FormatException($"\"{name}\" must be an object.");
}
