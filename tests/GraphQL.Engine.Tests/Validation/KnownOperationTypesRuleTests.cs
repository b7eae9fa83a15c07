using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class KnownOperationTypesRuleTests
{
    [Fact]
    public void A_query_is_supported() => ExpectValid(() => new KnownOperationTypesRule(), "{ dog { name } }");

    [Fact]
    public void A_mutation_without_a_mutation_type_is_reported() =>
        ExpectErrors(() => new KnownOperationTypesRule(), "mutation { dog }",
            Error("The mutation operation is not supported by the schema.", (1, 1)));
}
