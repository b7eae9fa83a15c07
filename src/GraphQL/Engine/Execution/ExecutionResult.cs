using System.Text;
using System.Text.Json;
using Cases.GraphQL.Engine.Errors;

namespace Cases.GraphQL.Engine.Execution;

/// <summary>
/// The response (spec 7.1): <see cref="Data"/> is null when execution did not start (request errors) or a non-null
/// root field failed; <see cref="DataPresent"/> distinguishes "data": null from no "data" member at all.
/// </summary>
public sealed class ExecutionResult
{
    public ExecutionResult(IDictionary<string, object?>? data, IReadOnlyList<GraphQLError>? errors, bool dataPresent = true)
    {
        Data = data;
        Errors = errors is { Count: > 0 } ? errors : null;
        DataPresent = dataPresent;
    }

    /// <summary>A request error: no "data" member (spec 7.1.1, execution not started).</summary>
    public static ExecutionResult RequestError(IReadOnlyList<GraphQLError> errors, RequestErrorKind? kind = null) =>
        new(null, errors, dataPresent: false) { RequestErrorKind = kind };

    public IDictionary<string, object?>? Data { get; }
    public IReadOnlyList<GraphQLError>? Errors { get; }
    public bool DataPresent { get; }

    public IReadOnlyDictionary<string, object?>? Extensions { get; init; }

    /// <summary>Set when the executor refused the request before executing it (never serialised): which step failed.</summary>
    public RequestErrorKind? RequestErrorKind { get; init; }

    /// <summary>Writes {"errors":[...],"data":...,"extensions":...}, omitting absent members.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Errors is not null)
        {
            writer.WriteStartArray("errors");
            foreach (var e in Errors) e.WriteTo(writer);
            writer.WriteEndArray();
        }
        if (DataPresent)
        {
            writer.WritePropertyName("data");
            JsonOutput.WriteValue(writer, Data);
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
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
