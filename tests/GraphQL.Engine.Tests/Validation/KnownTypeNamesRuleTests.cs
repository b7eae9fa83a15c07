using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class KnownTypeNamesRuleTests
{
    [Fact]
    public void Known_types_are_valid() =>
        ExpectValid(() => new KnownTypeNamesRule(), "query Foo($var: String, $required: [Int!]!) { dog { ... on Dog { name } } }");

    [Fact]
    public void Unknown_types_are_reported_with_suggestions() =>
        ExpectErrors(() => new KnownTypeNamesRule(), """
            query Foo($var: [JumbledUpLetters!]!) {
              pet { ... on Badger { name } ...PetFields }
            }
            fragment PetFields on Peat { name }
            """,
            Error("Unknown type \"JumbledUpLetters\".", (1, 18)),
            Error("Unknown type \"Badger\".", (2, 16)),
            Error("Unknown type \"Peat\". Did you mean \"Pet\" or \"Cat\"?", (4, 23)));
}
