using System.Text;
using System.Text.Json;
using System.Xml;

namespace Cases.GraphQL.Open311;

/// <summary>
/// One document in the format the route's suffix asked for (GeoReport v2, "Response formats"): XML is the
/// specification's required format, JSON the same tree with arrays where XML repeats an element. Callers write the
/// tree once; each format decides what a name means: in XML every object, array and field is an element named so,
/// in JSON an array's items are unnamed and an object's fields are its properties.
/// </summary>
public abstract class Open311Writer : IDisposable
{
    public static Open311Writer For(Open311Format format, Stream output) => format switch
    {
        Open311Format.Xml => new Xml(output),
        _ => new Json(output),
    };

    public abstract void BeginObject(string name);
    public abstract void EndObject();
    public abstract void BeginArray(string name);
    public abstract void EndArray();
    /// <summary>A text field; null is written as JSON null and an empty XML element (the specification's examples).</summary>
    public abstract void Field(string name, string? value);
    public abstract void Field(string name, double value);
    public abstract void Field(string name, long value);
    public abstract void Field(string name, bool value);
    /// <summary>A text item of an array (an endpoint's formats, a request's photos).</summary>
    public abstract void Item(string name, string value);
    public abstract void Dispose();

    sealed class Json(Stream output) : Open311Writer
    {
        readonly Utf8JsonWriter w = new(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        // Whether each open container is an array: an array's items are written without a property name.
        readonly Stack<bool> arrays = new();

        void Name(string name) { if (arrays.Count > 0 && !arrays.Peek()) w.WritePropertyName(name); }

        public override void BeginObject(string name) { Name(name); w.WriteStartObject(); arrays.Push(false); }
        public override void EndObject() { w.WriteEndObject(); arrays.Pop(); }
        public override void BeginArray(string name) { Name(name); w.WriteStartArray(); arrays.Push(true); }
        public override void EndArray() { w.WriteEndArray(); arrays.Pop(); }
        public override void Field(string name, string? value) { w.WritePropertyName(name); if (value is null) w.WriteNullValue(); else w.WriteStringValue(value); }
        public override void Field(string name, double value) => w.WriteNumber(name, value);
        public override void Field(string name, long value) => w.WriteNumber(name, value);
        public override void Field(string name, bool value) => w.WriteBoolean(name, value);
        public override void Item(string name, string value) => w.WriteStringValue(value);
        public override void Dispose() { w.Flush(); w.Dispose(); }
    }

    sealed class Xml : Open311Writer
    {
        readonly XmlWriter w;

        public Xml(Stream output)
        {
            w = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false });
            w.WriteStartDocument();
        }

        public override void BeginObject(string name) => w.WriteStartElement(name);
        public override void EndObject() => w.WriteEndElement();
        public override void BeginArray(string name) => w.WriteStartElement(name);
        public override void EndArray() => w.WriteEndElement();
        public override void Field(string name, string? value) => w.WriteElementString(name, Clean(value ?? ""));
        public override void Field(string name, double value) => w.WriteElementString(name, value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        public override void Field(string name, long value) => w.WriteElementString(name, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        public override void Field(string name, bool value) => w.WriteElementString(name, value ? "true" : "false");
        public override void Item(string name, string value) => w.WriteElementString(name, Clean(value));
        public override void Dispose() { w.WriteEndDocument(); w.Flush(); w.Dispose(); }

        // XML 1.0 cannot carry most control characters at all; a citizen's text may hold one.
        static string Clean(string s) => s.Any(c => !XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
            ? new string(s.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray())
            : s;
    }
}

/// <summary>The format a route's suffix names: <c>.xml</c> or <c>.json</c>.</summary>
public enum Open311Format { Xml, Json }
