using System.Text.Json;
using Cases.GraphQL.Engine.Language;

namespace Cases.GraphQL.Engine.Errors;

/// <summary>A line and a 1-based column (UTF-16 code units) in a GraphQL document (spec 7.1.2 "Errors").</summary>
public readonly record struct SourceLocation(int Line, int Column);

/// <summary>
/// One entry of a response's "errors" list (spec 7.1.2). Serialised with <see cref="WriteTo"/> in graphql-js's
/// member order (message, locations, path, extensions), absent members omitted.
/// </summary>
public sealed record GraphQLError(
    string Message,
    IReadOnlyList<SourceLocation>? Locations = null,
    IReadOnlyList<object>? Path = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    /// <summary>The exception a resolver threw, kept for logging; never serialised.</summary>
    public Exception? OriginalException { get; init; }

    public static GraphQLError At(string message, params IEnumerable<Node?> nodes)
    {
        var locations = nodes.Where(n => n?.Loc is not null).Select(n => new SourceLocation(n!.Loc!.Line, n.Loc.Column)).ToList();
        return new GraphQLError(message, locations.Count == 0 ? null : locations);
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("message", Message);
        if (Locations is { Count: > 0 })
        {
            writer.WriteStartArray("locations");
            foreach (var l in Locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", l.Line);
                writer.WriteNumber("column", l.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (Path is not null)
        {
            writer.WriteStartArray("path");
            foreach (var p in Path)
            {
                if (p is int i) writer.WriteNumberValue(i); else writer.WriteStringValue(p.ToString());
            }
            writer.WriteEndArray();
        }
        if (Extensions is { Count: > 0 })
        {
            writer.WritePropertyName("extensions");
            JsonOutput.WriteValue(writer, Extensions);
        }
        writer.WriteEndObject();
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOutput.WriterOptions)) WriteTo(writer);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
