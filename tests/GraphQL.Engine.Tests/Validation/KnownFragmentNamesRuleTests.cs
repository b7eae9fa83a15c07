using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class KnownFragmentNamesRuleTests
{
    [Fact]
    public void Defined_fragments_are_valid() =>
        ExpectValid(() => new KnownFragmentNamesRule(), "{ dog { ...A } } fragment A on Dog { name }");

    [Fact]
    public void An_unknown_fragment_is_reported_at_its_name() =>
        ExpectErrors(() => new KnownFragmentNamesRule(), "{ dog { ...Unknown } }",
            Error("Unknown fragment \"Unknown\".", (1, 12)));
}
