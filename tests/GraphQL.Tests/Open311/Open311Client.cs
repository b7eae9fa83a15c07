using System.Text.Json.Nodes;
using System.Xml.Linq;
using NJsonSchema;

namespace Cases.GraphQL.Tests.Open311;

/// <summary>An Open311 response as a client receives it.</summary>
public sealed record Open311Response(int Status, string ContentType, string Text)
{
    public bool IsXml => ContentType.StartsWith("text/xml", StringComparison.Ordinal);

    /// <summary>The body as JSON; an XML body is read into the shape its JSON twin has (<see cref="Open311Shapes.FromXml"/>).</summary>
    public JsonNode Json() => IsXml ? Open311Shapes.FromXml(XDocument.Parse(Text)) : JsonNode.Parse(Text)!;

    public override string ToString() => $"{Status} {ContentType}: {Text}";
}

/// <summary>Calls /open311/v2 through the real HTTP pipeline (the Alba host's server), as any Open311 client would.</summary>
public sealed class Open311Client(HttpClient http)
{
    public async Task<Open311Response> Get(string route)
    {
        using var response = await http.GetAsync("/open311/v2/" + route);
        return await Read(response);
    }

    public async Task<Open311Response> Post(string route, IEnumerable<KeyValuePair<string, string>> form)
    {
        using var response = await http.PostAsync("/open311/v2/" + route, new FormUrlEncodedContent(form));
        return await Read(response);
    }

    static async Task<Open311Response> Read(HttpResponseMessage response) =>
        new((int)response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
}

/// <summary>
/// The Open311 schemas (open311/schema-validation, copied under Schemas/) and the reading of an XML response into
/// the JSON shape, so that the XML is held to the same schema: each element with children is an object, the list
/// elements of the specification are arrays, and values are typed as the schema types them.
/// </summary>
public static class Open311Shapes
{
    static readonly HashSet<string> Lists =
        ["services", "service_requests", "errors", "attributes", "values", "endpoints", "formats", "photos", "steps", "service_request_updates"];
    static readonly HashSet<string> Numbers = ["lat", "long"];
    static readonly HashSet<string> Booleans = ["metadata", "variable", "required"];
    static readonly HashSet<string> Integers = ["code", "order"];

    public static JsonNode FromXml(XDocument doc) => Node(doc.Root!, inErrors: doc.Root!.Name.LocalName == "errors")!;

    static JsonNode? Node(XElement e, bool inErrors)
    {
        var name = e.Name.LocalName;
        if (Lists.Contains(name)) return new JsonArray(e.Elements().Select(c => Node(c, inErrors)).ToArray());
        if (e.HasElements)
        {
            var o = new JsonObject();
            foreach (var c in e.Elements()) o[c.Name.LocalName] = Node(c, inErrors);
            return o;
        }
        var text = e.Value;
        if (text.Length == 0) return null;
        if (Numbers.Contains(name)) return JsonValue.Create(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        if (Booleans.Contains(name)) return JsonValue.Create(bool.Parse(text));
        if (Integers.Contains(name) && (name != "code" || inErrors)) return JsonValue.Create(int.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
        return JsonValue.Create(text);
    }

    static readonly Dictionary<string, Lazy<Task<JsonSchema>>> Schemas = new[] { "services", "service-definition", "requests", "request" }
        .ToDictionary(n => n, n => new Lazy<Task<JsonSchema>>(() => JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Open311", "Schemas", n + ".json"))));

    /// <summary>Fails the test with every violation of the named schema.</summary>
    public static async Task AssertValid(string schema, JsonNode json)
    {
        var errors = (await Schemas[schema].Value).Validate(json.ToJsonString());
        Assert.True(errors.Count == 0, $"{schema}.json: {string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}"))}\n{json.ToJsonString()}");
    }
}
