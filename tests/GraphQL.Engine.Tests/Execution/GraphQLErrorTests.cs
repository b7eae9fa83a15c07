using Cases.GraphQL.Engine.Errors;

namespace Cases.GraphQL.Engine.Tests.Execution;

public class GraphQLErrorTests
{
    [Fact]
    public void Serialises_members_in_spec_order_and_omits_absent_ones()
    {
        Assert.Equal("""{"message":"m"}""", new GraphQLError("m").ToJson());
        var full = new GraphQLError("é \"q\"", [new SourceLocation(1, 2)], ["a", 0, "b"], new Dictionary<string, object?> { ["code"] = "X", ["n"] = 1.5 });
        Assert.Equal("""{"message":"é \"q\"","locations":[{"line":1,"column":2}],"path":["a",0,"b"],"extensions":{"code":"X","n":1.5}}""", full.ToJson());
    }
}
