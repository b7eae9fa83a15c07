using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class VariablesInAllowedPositionRuleTests
{
    [Fact]
    public void A_nullable_variable_with_a_default_fits_a_non_null_position_with_a_default() =>
        ExpectValid(() => new VariablesInAllowedPositionRule(), """
            query Query($intVar: Int = 1) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $intVar) } }
            """);

    [Fact]
    public void A_nullable_variable_in_a_non_null_position_is_reported() =>
        ExpectErrors(() => new VariablesInAllowedPositionRule(), "query Query($intArg: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $intArg) } }",
            Error("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Int!\".", (1, 13), (1, 81)));

    [Fact]
    public void A_nullable_variable_in_a_oneOf_field_is_reported() =>
        ExpectErrors(() => new VariablesInAllowedPositionRule(), "query Q($s: String) { complicatedArgs { oneOfArgField(oneOfArg: { stringField: $s }) } }",
            Error("Variable \"$s\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"OneOfInput\".", (1, 9), (1, 80)));
}
