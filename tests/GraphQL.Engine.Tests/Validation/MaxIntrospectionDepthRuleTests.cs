using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class MaxIntrospectionDepthRuleTests
{
    [Fact]
    public void The_standard_depth_of_introspection_is_valid() =>
        ExpectValid(() => new MaxIntrospectionDepthRule(), "{ __schema { types { fields { type { name } } } } }");

    [Fact]
    public void Fields_nested_three_times_are_reported() =>
        ExpectErrors(() => new MaxIntrospectionDepthRule(), "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
            Error("Maximum introspection depth exceeded", (1, 3)));
}
