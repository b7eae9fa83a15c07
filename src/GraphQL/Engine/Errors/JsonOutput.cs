using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Cases.GraphQL.Engine.Errors;

/// <summary>Writes the CLR values a response holds (maps, lists, strings, numbers, booleans, null) as JSON.</summary>
public static class JsonOutput
{
    /// <summary>Writer options giving JSON.stringify-like text: quotes and non-ASCII letters are not \u-escaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            // What the executor builds, first and without interface enumerators (this runs once per value written).
            case Execution.ResponseObject fields: fields.WriteTo(writer); break;
            case List<object?> items:
                writer.WriteStartArray();
                foreach (var item in items) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case short sh: writer.WriteNumberValue(sh); break;
            case byte by: writer.WriteNumberValue(by); break;
            case uint ui: writer.WriteNumberValue(ui); break;
            case ulong ul: writer.WriteNumberValue(ul); break;
            // Doubles as JSON.stringify writes them (1e+21, not 1E+21); non-finite numbers become null, as there.
            case double d: if (double.IsFinite(d)) writer.WriteRawValue(Types.JsNumber.ToString(d)); else writer.WriteNullValue(); break;
            case float f: if (float.IsFinite(f)) writer.WriteRawValue(Types.JsNumber.ToString(f)); else writer.WriteNullValue(); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case JsonElement e: e.WriteTo(writer); break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var (k, v) in map) { writer.WritePropertyName(k); WriteValue(writer, v); }
                writer.WriteEndObject();
                break;
            case IDictionary dict:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dict)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                    WriteValue(writer, entry.Value);
                }
                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
