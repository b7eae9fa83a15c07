using Cases.GraphQL.Tests.Api;
using Microsoft.AspNetCore.Hosting;

namespace Cases.GraphQL.Tests.Host;

/// <summary>
/// The handler code committed under src/Cases/Internal/Generated (<c>codegen write</c>) is complete and current: a host
/// that may only load generated-ahead code (<c>TypeLoadMode.Static</c>) starts and takes commands. A handler added or
/// changed without running <c>codegen write</c> again fails here (or fails to compile).
/// </summary>
public class GeneratedCodeTests(HostDatabase db) : IClassFixture<HostDatabase>
{
    [Fact]
    public async Task A_host_that_loads_only_the_code_generated_ahead_takes_commands()
    {
        await using var app = await CasesAppFactory.StartAsync(db.ConnectionString, b => b.UseSetting("Codegen:TypeLoadMode", "Static"));
        var submitted = (await new GraphQLClient(app.CreateClient(), null).Send("""
            mutation { submitCase(input: { kind: FIELD_REPORT, channel: WEB, category: "sanitation_environment",
                description: "Rác ở chợ Đông Ba", ward: "Phú Xuân", location: { latitude: 16.4755, longitude: 107.5855 } }) { trackingCode } }
            """)).Ok();
        Assert.Matches(@"^HUE-\d{4}-\d{6}$", submitted["submitCase"]!["trackingCode"]!.GetValue<string>());
    }
}
