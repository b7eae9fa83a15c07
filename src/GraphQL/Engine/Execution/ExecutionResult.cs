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

    private byte[]? _utf8;

    /// <summary>
    /// The response as UTF-8 JSON, written the first time it is asked for and kept: a subscription response shared by
    /// many subscribers (<see cref="SharedResponses"/>) is serialised once for all of them. A result is not changed
    /// after execution, so the bytes stay true.
    /// </summary>
    public ReadOnlyMemory<byte> Utf8Json
    {
        get
        {
            if (Volatile.Read(ref _utf8) is { } written) return written;
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions)) WriteTo(writer);
            var bytes = buffer.WrittenSpan.ToArray();
            return Interlocked.CompareExchange(ref _utf8, bytes, null) ?? bytes;
        }
    }

    public string ToJson() => Encoding.UTF8.GetString(Utf8Json.Span);
}
