using Cases.Access;
using Cases.Domain;
using Cases.GraphQL.Tests.Api;
using Microsoft.AspNetCore.Hosting;
using NodaTime;

namespace Cases.GraphQL.Tests.Open311;

/// <summary>The app with a partner bucket of two submissions a minute.</summary>
public sealed class LowPartnerLimitFixture : ApiFixture
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Partners:SubmissionsPerMinute", "2");
}

/// <summary>A partner key has its own submission bucket, shared by Open311 and GraphQL, and a full bucket answers 429 in the spec's form.</summary>
public class PartnerRateLimitTests(LowPartnerLimitFixture api) : IClassFixture<LowPartnerLimitFixture>
{
    [Fact]
    public async Task The_partners_third_submission_in_a_minute_gets_429_in_the_error_form_and_stores_nothing()
    {
        var key = (await new ApiKeys(api.Database.DataSource, SystemClock.Instance).CreateAsync(Role.Partner, null, "busy-partner")).Key;
        var open311 = new Open311Client(api.App.CreateClient());
        var form = new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "public-order", ["lat"] = "16.47", ["long"] = "107.59", ["description"] = "Lấn chiếm vỉa hè",
        };
        Assert.Equal(200, (await open311.Post("requests.json", form)).Status);
        // The same bucket over GraphQL.
        (await api.Client(key).Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "public_order", description: "Lấn chiếm", ward: "Thuận Hóa", location: { latitude: 16.466, longitude: 107.596 } }) { trackingCode } }
            """)).Ok();
        var streams = await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams");
        var refused = await open311.Post("requests.xml", form);
        Assert.Equal(429, refused.Status);
        var error = Assert.Single(refused.Json().AsArray())!;
        Assert.Equal(429, error["code"]!.GetValue<int>());
        Assert.Equal(streams, await api.Database.ScalarAsync<long>("select count(*) from cases.mt_streams"));
        // The public's own bucket is not the partner's: an anonymous submission still goes through.
        (await api.Client().Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, category: "public_order", description: "Lấn chiếm", ward: "Thuận Hóa", location: { latitude: 16.466, longitude: 107.596 } }) { trackingCode } }
            """)).Ok();
    }
}
