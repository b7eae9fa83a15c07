using System.Text.Json;
using Cases.EventStore;
using Cases.Testing;
using FsCheck;
using FsCheck.Fluent;
using Npgsql;

namespace Cases.Tests.EventStore;

/// <summary>
/// The bulk import hashes the text jsonb will print before the server has seen the JSON; if the two ever differ,
/// imported chains fail verification. PostgreSQL itself is the oracle here.
/// </summary>
public class JsonbTextTests(EventStoreDatabase db) : IClassFixture<EventStoreDatabase>
{
    async Task<string> PostgresAsync(string json)
    {
        await using var cmd = db.DataSource.CreateCommand("select $1::jsonb::text");
        cmd.Parameters.Add(new NpgsqlParameter { Value = json });
        return (string)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>No lone surrogates: PostgreSQL refuses them, and so would the events.</summary>
    static bool WellFormed(string s)
    {
        try { _ = new System.Text.UTF8Encoding(false, true).GetByteCount(s); return true; }
        catch (System.Text.EncoderFallbackException) { return false; }
    }

    [Theory]
    [InlineData("""{"b": 1, "a": 2, "aa": 3, "á": 4, "B": 5}""")]
    [InlineData("""{"nested": {"z": [1, 2, {"y": null, "x": true}], "e": []}, "o": {}}""")]
    [InlineData("""["quote \" backslash \\ slash \/ tab \t newline \n cr \r bell \u0007 esc \u001b del \u007f"]""")]
    [InlineData("""["Đèn đường hỏng ở Kim Long 🚧", "\u00e9 precomposed, e\u0301 combining"]""")]
    [InlineData("""[0, -0, 0.0, -0.0, 1.50, 1e2, 1.5E+3, 2.5e-3, -1E-7, 12345678901234567890.0001, 16.4637, 1e0, 0.000]""")]
    [InlineData("""{"dup": 1, "dup": 2}""")]
    [InlineData("""  {  "spaced"  :  [ 1 ,2 ]  }  """)]
    public async Task Matches_what_PostgreSQL_prints(string json) => Assert.Equal(await PostgresAsync(json), JsonbText.Of(json));

    [Fact]
    public async Task Matches_PostgreSQL_for_random_strings_and_numbers()
    {
        var gen = Gen.Zip(ArbMap.Default.GeneratorFor<string>(), ArbMap.Default.GeneratorFor<double>(),
            (text, real) => (Text: text, Real: real, Exact: double.IsFinite(real) ? (decimal)Math.Round(real % 1e12, 6) : 0m));
        foreach (var (text, real, exact) in gen.Sample(200, 300))
        {
            if (text is null || text.Contains('\0') || !WellFormed(text) || !double.IsFinite(real)) continue;
            var json = JsonSerializer.Serialize(new Dictionary<string, object> { [text] = text, ["r"] = real, ["d"] = exact, ["k" + text] = new[] { text } });
            Assert.Equal(await PostgresAsync(json), JsonbText.Of(json));
        }
    }
}
