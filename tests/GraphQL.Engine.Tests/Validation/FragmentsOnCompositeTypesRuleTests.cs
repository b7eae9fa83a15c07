using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class FragmentsOnCompositeTypesRuleTests
{
    [Fact]
    public void Fragments_on_objects_interfaces_and_unions_are_valid() =>
        ExpectValid(() => new FragmentsOnCompositeTypesRule(), """
            fragment A on Dog { barks }
            fragment B on Pet { name }
            fragment C on CatOrDog { __typename }
            """);

    [Fact]
    public void Fragments_on_scalars_are_reported() =>
        ExpectErrors(() => new FragmentsOnCompositeTypesRule(), """
            fragment scalarFragment on Boolean { bad }
            fragment inlineFragment on Dog { ... on String { barks } }
            """,
            Error("Fragment \"scalarFragment\" cannot condition on non composite type \"Boolean\".", (1, 28)),
            Error("Fragment cannot condition on non composite type \"String\".", (2, 41)));
}
