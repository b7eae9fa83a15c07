using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class NoUndefinedVariablesRuleTests
{
    [Fact]
    public void Variables_used_in_fragments_and_defined_by_the_operation_are_valid() =>
        ExpectValid(() => new NoUndefinedVariablesRule(),
            "query Foo($a: Boolean) { dog { ...F } } fragment F on Dog { isHouseTrained(atOtherHomes: $a) }");

    [Fact]
    public void An_undefined_variable_is_reported_with_the_operation() =>
        ExpectErrors(() => new NoUndefinedVariablesRule(), "query Foo { dog { isHouseTrained(atOtherHomes: $b) } }",
            Error("Variable \"$b\" is not defined by operation \"Foo\".", (1, 48), (1, 1)));
}
