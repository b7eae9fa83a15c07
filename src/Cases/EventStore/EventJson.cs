using System.Text.Json;
using System.Text.Json.Serialization;
using Cases.Domain;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Cases.EventStore;

/// <summary>
/// How events, metadata and scheduled messages become JSON, for Marten, Wolverine and the audit views alike:
/// camelCase members, snake_case enums, NodaTime values as ISO-8601 strings (NodaTime.Serialization).
/// One set of options, so the text the hash chain covers is the text Marten stores.
/// </summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>Applies the rules to options someone else owns (Marten's and Wolverine's serializers).</summary>
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.PropertyNameCaseInsensitive = true;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        o.NumberHandling = JsonNumberHandling.Strict;
        o.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
    }

    static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(o);
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    public static string Serialize(CaseEvent e) => JsonSerializer.Serialize(e, e.GetType(), Options);

    static readonly JsonSerializerOptions ReadableOptions = CreateReadable();

    static JsonSerializerOptions CreateReadable()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            // For people (auditors, staff): Vietnamese as written, not \u00E3. Shown as text, never as HTML.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        Configure(o);
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    /// <summary>The event as indented JSON with its text unescaped, for people to read (not what the chain hashes).</summary>
    public static string Readable(CaseEvent e) => JsonSerializer.Serialize(e, e.GetType(), ReadableOptions);

    public static CaseEvent Deserialize(string alias, string json) =>
        (CaseEvent)(JsonSerializer.Deserialize(json, EventTypes.TypeOf(alias), Options)
            ?? throw new JsonException($"Event '{alias}' has null data."));
}
