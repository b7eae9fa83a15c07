using CommunityToolkit.HighPerformance.Buffers;
using System.Text.Json;
using Cases.GraphQL.Engine.Execution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Cases.GraphQL.Engine.Http;

/// <summary>Reads <see cref="GraphQLRequest"/> from GET query strings and POST JSON bodies (draft sections 5 and 6).</summary>
internal static class GraphQLRequestReader
{
    // Nesting beyond this in a request body is no legitimate variables object; System.Text.Json stops there.
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64 };

    /// <summary>GET: parameters in the query string, variables and extensions as JSON text (draft 6.1).</summary>
    public static GraphQLRequest FromQueryString(IQueryCollection query, long maxBytes)
    {
        if (query.Sum(p => p.Key.Length + p.Value.Sum(v => v?.Length ?? 0)) > maxBytes)
            throw new GraphQLHttpException(StatusCodes.Status413PayloadTooLarge, "The request is too large.");
        return new GraphQLRequest(
            Single(query, "query"),
            Single(query, "operationName"),
            JsonObjectParameter(Single(query, "variables"), "variables"),
            JsonObjectParameter(Single(query, "extensions"), "extensions"),
            Single(query, "documentId"));
    }

    /// <summary>POST: an application/json body (draft 6.2), read up to <paramref name="maxBytes"/>.</summary>
    public static async Task<GraphQLRequest> FromBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            throw new GraphQLHttpException(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBytes} bytes.");
        // Pooled: the document's values are copied out (FromJson) before the buffer goes back.
        using var body = new ArrayPoolBufferWriter<byte>(8192);
        try
        {
            await ReadBoundedAsync(request.Body, body, maxBytes, cancellationToken);
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own limits (MaxRequestBodySize, MinRequestBodyDataRate) and malformed chunking.
            throw new GraphQLHttpException(e.StatusCode, "The request body could not be read.");
        }
        if (body.WrittenCount == 0) throw new GraphQLHttpException(StatusCodes.Status400BadRequest, "The request body is empty.");
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body.WrittenMemory, JsonOptions);
        }
        catch (JsonException e)
        {
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, $"The request body is not valid JSON: {e.Message}");
        }
        using (json)
        {
            try
            {
                return FromJson(json.RootElement);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json checks a string's UTF-8 (and its \u escapes' surrogate pairs) only when the
                // string is read, and reports either as InvalidOperationException.
                throw new GraphQLHttpException(StatusCodes.Status400BadRequest, "The request body holds a string that is not valid UTF-8 or UTF-16.");
            }
        }
    }

    private static GraphQLRequest FromJson(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, "Batched requests are not supported; send one request per operation.", "BATCH_NOT_SUPPORTED");
        if (root.ValueKind != JsonValueKind.Object)
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, "The request body must be a JSON object.");
        return new GraphQLRequest(
            StringMember(root, "query"),
            StringMember(root, "operationName"),
            ObjectMember(root, "variables"),
            ObjectMember(root, "extensions"),
            StringMember(root, "documentId"));
    }

    private static string? StringMember(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, $"The \"{name}\" parameter must be a string.");
        return value.GetString();
    }

    private static IReadOnlyDictionary<string, object?>? ObjectMember(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object)
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, $"The \"{name}\" parameter must be a map.");
        return ToClr(value, name);
    }

    private static IReadOnlyDictionary<string, object?>? JsonObjectParameter(string? text, string name)
    {
        if (text is null) return null;
        try
        {
            using var json = JsonDocument.Parse(text, JsonOptions);
            if (json.RootElement.ValueKind == JsonValueKind.Null) return null;
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                throw new GraphQLHttpException(StatusCodes.Status400BadRequest, $"The \"{name}\" parameter must be a JSON-encoded map.");
            return ToClr(json.RootElement, name);
        }
        catch (JsonException)
        {
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, $"The \"{name}\" parameter is not valid JSON.");
        }
    }

    private static Dictionary<string, object?> ToClr(JsonElement obj, string name)
    {
        try
        {
            return JsonInput.ToDictionary(obj);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            // A number outside double's range, or a string with an unpaired surrogate escape.
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, $"The \"{name}\" parameter holds a value that cannot be read.");
        }
    }

    private static string? Single(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out StringValues values) || values.Count == 0) return null;
        if (values.Count > 1)
            throw new GraphQLHttpException(StatusCodes.Status400BadRequest, $"The \"{name}\" parameter is given more than once.");
        return values[0];
    }

    private static async Task ReadBoundedAsync(Stream body, ArrayPoolBufferWriter<byte> buffer, long maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await body.ReadAsync(memory, cancellationToken);
            if (read == 0) return;
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
                throw new GraphQLHttpException(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBytes} bytes.");
        }
    }
}
