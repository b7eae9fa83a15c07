using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class PossibleFragmentSpreadsRuleTests
{
    [Fact]
    public void Overlapping_types_are_valid() =>
        ExpectValid(() => new PossibleFragmentSpreadsRule(), """
            fragment objectWithinInterface on Pet { ...dogFragment }
            fragment dogFragment on Dog { barkVolume }
            fragment unionWithinObject on Dog { ... on CatOrDog { __typename } }
            """);

    [Fact]
    public void Disjoint_types_are_reported() =>
        ExpectErrors(() => new PossibleFragmentSpreadsRule(), """
            fragment invalidObjectWithinObject on Cat { ...dogFragment }
            fragment dogFragment on Dog { barkVolume }
            fragment invalidInline on Cat { ... on Dog { barkVolume } }
            """,
            Error("Fragment \"dogFragment\" cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (1, 45)),
            Error("Fragment cannot be spread here as objects of type \"Cat\" can never be of type \"Dog\".", (3, 33)));
}
