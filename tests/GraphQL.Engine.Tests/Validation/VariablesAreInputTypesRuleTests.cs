using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class VariablesAreInputTypesRuleTests
{
    [Fact]
    public void Input_types_are_valid() =>
        ExpectValid(() => new VariablesAreInputTypesRule(), "query Foo($a: String, $b: [Boolean!]!, $c: ComplexInput) { dog { name } }");

    [Fact]
    public void Output_types_are_reported() =>
        ExpectErrors(() => new VariablesAreInputTypesRule(), "query Foo($a: Dog, $b: [[CatOrDog!]]!, $c: Pet) { dog { name } }",
            Error("Variable \"$a\" cannot be non-input type \"Dog\".", (1, 15)),
            Error("Variable \"$b\" cannot be non-input type \"[[CatOrDog!]]!\".", (1, 24)),
            Error("Variable \"$c\" cannot be non-input type \"Pet\".", (1, 44)));
}
