using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class UniqueFragmentNamesRuleTests
{
    [Fact]
    public void Distinct_fragment_names_are_valid() =>
        ExpectValid(() => new UniqueFragmentNamesRule(), "{ dog { ...A ...B } } fragment A on Dog { name } fragment B on Dog { name }");

    [Fact]
    public void A_repeated_fragment_name_is_reported_at_both() =>
        ExpectErrors(() => new UniqueFragmentNamesRule(), "{ dog { ...A } }\nfragment A on Dog { name }\nfragment A on Dog { name }",
            Error("There can be only one fragment named \"A\".", (2, 10), (3, 10)));
}
