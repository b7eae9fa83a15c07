using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class FieldsOnCorrectTypeRuleTests
{
    [Fact]
    public void Defined_fields_and_typename_are_valid() =>
        ExpectValid(() => new FieldsOnCorrectTypeRule(), "fragment F on Pet { __typename name ... on Dog { barks } }");

    [Fact]
    public void An_unknown_field_is_reported_with_a_suggestion() =>
        ExpectErrors(() => new FieldsOnCorrectTypeRule(), "fragment F on Dog { meowVolume }",
            Error("Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (1, 21)));

    [Fact]
    public void A_field_of_a_member_type_suggests_an_inline_fragment() =>
        ExpectErrors(() => new FieldsOnCorrectTypeRule(), "fragment F on Pet { nickname }",
            Error("Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"?", (1, 21)));

    [Fact]
    public void A_union_suggests_nothing_for_its_own_fields() =>
        ExpectErrors(() => new FieldsOnCorrectTypeRule(), "fragment F on CatOrDog { directField }",
            Error("Cannot query field \"directField\" on type \"CatOrDog\".", (1, 26)));
}

public class HideSuggestionsTests
{
    [Fact]
    public void Suggestions_can_be_hidden_in_validation()
    {
        var errors = Cases.GraphQL.Engine.Validation.DocumentValidator.Validate(ValidationHarness.TestSchema,
            Cases.GraphQL.Engine.Language.Parser.Parse("{ dog { meowVolume doesKnowCommand(dogCommand: sit) } }"),
            new Cases.GraphQL.Engine.Validation.ValidationLimits { HideSuggestions = true });
        Assert.Equal(["Cannot query field \"meowVolume\" on type \"Dog\".", "Value \"sit\" does not exist in \"DogCommand\" enum."], errors.Select(e => e.Message));
    }
}
