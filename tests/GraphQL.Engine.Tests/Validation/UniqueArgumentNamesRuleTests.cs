using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class UniqueArgumentNamesRuleTests
{
    [Fact]
    public void Distinct_arguments_are_valid() =>
        ExpectValid(() => new UniqueArgumentNamesRule(), "{ field(arg1: \"value\", arg2: \"value\") @directive(arg: true) }");

    [Fact]
    public void A_repeated_argument_is_reported_at_both_names() =>
        ExpectErrors(() => new UniqueArgumentNamesRule(), "{ field(arg1: \"value\", arg1: \"value\") }",
            Error("There can be only one argument named \"arg1\".", (1, 9), (1, 24)));
}
