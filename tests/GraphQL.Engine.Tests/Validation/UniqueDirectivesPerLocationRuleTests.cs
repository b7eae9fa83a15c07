using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class UniqueDirectivesPerLocationRuleTests
{
    [Fact]
    public void The_same_directive_in_different_locations_is_valid() =>
        ExpectValid(() => new UniqueDirectivesPerLocationRule(), "fragment Test on Type @onField { field @onField }");

    [Fact]
    public void A_repeated_directive_is_reported_at_both() =>
        ExpectErrors(() => new UniqueDirectivesPerLocationRule(), "fragment Test on Type { field @onField @onField }",
            Error("The directive \"@onField\" can only be used once at this location.", (1, 31), (1, 40)));
}
