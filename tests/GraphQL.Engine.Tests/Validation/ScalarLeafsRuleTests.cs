using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class ScalarLeafsRuleTests
{
    [Fact]
    public void Scalars_without_and_objects_with_selections_are_valid() =>
        ExpectValid(() => new ScalarLeafsRule(), "{ dog { barks } }");

    [Fact]
    public void An_object_without_a_selection_is_reported() =>
        ExpectErrors(() => new ScalarLeafsRule(), "query directQueryOnObjectWithoutSubFields { human }",
            Error("Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"?", (1, 45)));

    [Fact]
    public void A_scalar_with_a_selection_is_reported() =>
        ExpectErrors(() => new ScalarLeafsRule(), "{ dog { barks { sinceWhen } } }",
            Error("Field \"barks\" must not have a selection since type \"Boolean\" has no subfields.", (1, 15)));
}
