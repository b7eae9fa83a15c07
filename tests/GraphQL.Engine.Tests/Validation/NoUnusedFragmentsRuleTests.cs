using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class NoUnusedFragmentsRuleTests
{
    [Fact]
    public void Fragments_used_directly_or_through_others_are_valid() =>
        ExpectValid(() => new NoUnusedFragmentsRule(), "{ dog { ...A } } fragment A on Dog { ...B } fragment B on Dog { name }");

    [Fact]
    public void An_unused_fragment_is_reported() =>
        ExpectErrors(() => new NoUnusedFragmentsRule(), "{ dog { name } }\nfragment Unused on Dog { name }",
            Error("Fragment \"Unused\" is never used.", (2, 1)));
}
