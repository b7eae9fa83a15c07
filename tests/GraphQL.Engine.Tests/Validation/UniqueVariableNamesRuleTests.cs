using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class UniqueVariableNamesRuleTests
{
    [Fact]
    public void Distinct_variables_are_valid() =>
        ExpectValid(() => new UniqueVariableNamesRule(), "query A($x: Int, $y: String) { __typename }");

    [Fact]
    public void Duplicate_variables_are_reported_together() =>
        ExpectErrors(() => new UniqueVariableNamesRule(), "query A($x: Int, $x: Int, $x: String) { __typename }",
            Error("There can be only one variable named \"$x\".", (1, 10), (1, 19), (1, 28)));
}
