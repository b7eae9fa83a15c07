using System.Text.Json;
using System.Text.Json.Serialization;
using Cases.Domain;
using NodaTime;
using NodaTime.Text;

namespace Cases.EventStore;

/// <summary>
/// How events and metadata become JSON: camelCase members, snake_case enums, NodaTime values as ISO-8601
/// strings. Written by hand because Npgsql.NodaTime and NodaTime.Serialization are not in our package source.
/// </summary>
public static class EventJson
{
    public static readonly JsonSerializerOptions Options = Create();

    static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            Converters =
            {
                new PatternConverter<Instant>(InstantPattern.ExtendedIso),
                new PatternConverter<LocalDate>(LocalDatePattern.Iso),
                new PatternConverter<LocalDateTime>(LocalDateTimePattern.ExtendedIso),
                new PatternConverter<Duration>(DurationPattern.Roundtrip),
                new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false),
            },
        };
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    public static string Serialize(CaseEvent e) => JsonSerializer.Serialize(e, e.GetType(), Options);

    public static CaseEvent Deserialize(string alias, string json) =>
        (CaseEvent)(JsonSerializer.Deserialize(json, EventTypes.TypeOf(alias), Options)
            ?? throw new JsonException($"Event '{alias}' has null data."));

    sealed class PatternConverter<T>(IPattern<T> pattern) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException($"Expected an ISO-8601 string for {typeof(T).Name}.");
            var result = pattern.Parse(reader.GetString()!);
            return result.Success ? result.Value : throw new JsonException(result.Exception.Message);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(pattern.Format(value));
    }
}
