using Microsoft.Net.Http.Headers;

namespace Cases.GraphQL.Engine.Http;

/// <summary>
/// The two response media types of GraphQL over HTTP (draft 4.1 and 7) and the choice between them from an
/// Accept header, and the check of a POST's Content-Type.
/// </summary>
public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The response media type for an Accept header, or null when the client accepts neither (406).
    /// No Accept, or one that is satisfied only by a wildcard, gives application/json: the graphql-http audit
    /// (47DE, 80D8) expects it for legacy clients until the draft's "watershed". Otherwise the highest quality
    /// wins, and application/graphql-response+json wins a tie. Only UTF-8 may be asked for as a charset.
    /// </summary>
    public static string? Negotiate(IList<string>? acceptHeaders)
    {
        if (acceptHeaders is null || acceptHeaders.Count == 0 || acceptHeaders.All(string.IsNullOrWhiteSpace)) return Json;
        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) || accepted.Count == 0) return Json;

        double graphQLQuality = -1, jsonQuality = -1, wildcardQuality = -1;
        foreach (var range in accepted)
        {
            var quality = range.Quality ?? 1.0;
            if (quality <= 0 || !IsUtf8(range)) continue;
            var type = range.MediaType.Value?.ToLowerInvariant();
            switch (type)
            {
                case GraphQLResponse: graphQLQuality = Math.Max(graphQLQuality, quality); break;
                case Json: jsonQuality = Math.Max(jsonQuality, quality); break;
                case "*/*" or "application/*": wildcardQuality = Math.Max(wildcardQuality, quality); break;
            }
        }
        if (graphQLQuality < 0 && jsonQuality < 0) return wildcardQuality > 0 ? Json : null;
        return graphQLQuality >= jsonQuality ? GraphQLResponse : Json;
    }

    /// <summary>Whether a POST's Content-Type is application/json in UTF-8 (draft 5.1; UTF-8 when no charset is given).</summary>
    public static bool IsJsonRequest(string? contentType) =>
        contentType is not null
        && MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
        && IsUtf8(parsed);

    private static bool IsUtf8(MediaTypeHeaderValue value)
    {
        var charset = value.Charset.Value;
        return charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
