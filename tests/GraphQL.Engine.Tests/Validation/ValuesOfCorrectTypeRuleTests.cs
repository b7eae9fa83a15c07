using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class ValuesOfCorrectTypeRuleTests
{
    [Fact]
    public void Correct_literals_are_valid() =>
        ExpectValid(() => new ValuesOfCorrectTypeRule(), """
            {
              complicatedArgs {
                intArgField(intArg: 2)
                floatArgField(floatArg: 1)
                idArgField(idArg: 1)
                enumArgField(enumArg: BROWN)
                stringListArgField(stringListArg: "one")
                complexArgField(complexArg: { requiredField: true, intField: 4 })
                oneOfArgField(oneOfArg: { stringField: "abc" })
              }
            }
            """);

    [Fact]
    public void A_string_given_to_an_int_is_reported_with_the_scalars_message() =>
        ExpectErrors(() => new ValuesOfCorrectTypeRule(), "{ complicatedArgs { intArgField(intArg: \"3\") } }",
            Error("Int cannot represent non-integer value: \"3\"", (1, 41)));

    [Fact]
    public void An_int_out_of_range_is_reported() =>
        ExpectErrors(() => new ValuesOfCorrectTypeRule(), "{ complicatedArgs { intArgField(intArg: 2147483648) } }",
            Error("Int cannot represent non 32-bit signed integer value: 2147483648", (1, 41)));

    [Fact]
    public void An_unknown_enum_value_is_reported_with_a_suggestion() =>
        ExpectErrors(() => new ValuesOfCorrectTypeRule(), "{ complicatedArgs { enumArgField(enumArg: brown) } }",
            Error("Value \"brown\" does not exist in \"FurColor\" enum. Did you mean the enum value \"BROWN\"?", (1, 43)));

    [Fact]
    public void Null_for_a_non_null_argument_is_reported() =>
        ExpectErrors(() => new ValuesOfCorrectTypeRule(), "{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) } }",
            Error("Expected value of non-null type \"Int!\" not to be null.", (1, 55)));

    [Fact]
    public void A_missing_required_input_field_and_an_unknown_one_are_reported() =>
        ExpectErrors(() => new ValuesOfCorrectTypeRule(), "{ complicatedArgs { complexArgField(complexArg: { intField: 4, invalidField: \"value\" }) } }",
            Error("Expected value of type \"ComplexInput\" to include required field \"requiredField\", found: { intField: 4, invalidField: \"value\" }.", (1, 49)),
            Error("Expected value of type \"ComplexInput\" not to include unknown field \"invalidField\". Did you mean \"intField\"? Found: { intField: 4, invalidField: \"value\" }.", (1, 64)));

    [Fact]
    public void A_oneOf_input_with_two_fields_is_reported() =>
        ExpectErrors(() => new ValuesOfCorrectTypeRule(), "{ complicatedArgs { oneOfArgField(oneOfArg: { stringField: \"a\", intField: 1 }) } }",
            Error("Within OneOf Input Object type \"OneOfInput\", exactly one field must be specified, and the value for that field must be non-null.", (1, 45)));
}
