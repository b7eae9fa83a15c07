using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class KnownArgumentNamesRuleTests
{
    [Fact]
    public void Defined_arguments_are_valid() =>
        ExpectValid(() => new KnownArgumentNamesRule(), "fragment F on Dog { doesKnowCommand(dogCommand: SIT) @skip(if: true) }");

    [Fact]
    public void An_unknown_field_argument_is_reported_with_a_suggestion() =>
        ExpectErrors(() => new KnownArgumentNamesRule(), "fragment F on Dog { doesKnowCommand(DogCommand: SIT) }",
            Error("Unknown argument \"DogCommand\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", (1, 37)));

    [Fact]
    public void An_unknown_directive_argument_is_reported() =>
        ExpectErrors(() => new KnownArgumentNamesRule(), "{ dog @skip(iff: true) { name } }",
            Error("Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", (1, 13)));
}
