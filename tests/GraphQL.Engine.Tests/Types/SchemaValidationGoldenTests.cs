using System.Text.Json;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Tests.Types;

/// <summary>
/// Schema validation against answers recorded from graphql-js 17.1.0 validateSchema
/// (Fixtures/schema-validation.graphql-js.jsonl: one SDL per line with graphql-js's messages and locations).
/// </summary>
public class SchemaValidationGoldenTests
{
    public static TheoryData<string, string[]> Cases()
    {
        var data = new TheoryData<string, string[]>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "schema-validation.graphql-js.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            data.Add(json.RootElement.GetProperty("sdl").GetString()!, json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToArray());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_what_graphql_js_reports(string sdl, string[] expected)
    {
        var errors = SchemaBuilder.FromSdl(sdl).Validate()
            .Select(e => e.Message + " @ " + string.Join(" ", (e.Locations ?? []).Select(l => $"{l.Line}:{l.Column}")));
        Assert.Equal(expected, errors);
    }
}
