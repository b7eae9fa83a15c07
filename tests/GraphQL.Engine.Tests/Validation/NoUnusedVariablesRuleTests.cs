using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class NoUnusedVariablesRuleTests
{
    [Fact]
    public void Variables_used_through_fragments_are_valid() =>
        ExpectValid(() => new NoUnusedVariablesRule(),
            "query Foo($a: Boolean) { dog { ...F } } fragment F on Dog { isHouseTrained(atOtherHomes: $a) }");

    [Fact]
    public void An_unused_variable_is_reported() =>
        ExpectErrors(() => new NoUnusedVariablesRule(), "query ($a: String, $b: String) { dog { name(surname: true) } }",
            Error("Variable \"$a\" is never used.", (1, 8)),
            Error("Variable \"$b\" is never used.", (1, 20)));
}
