using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class UniqueOperationNamesRuleTests
{
    [Fact]
    public void Differently_named_operations_are_valid() =>
        ExpectValid(() => new UniqueOperationNamesRule(), "query Foo { dog { name } } query Bar { dog { name } }");

    [Fact]
    public void Two_operations_with_one_name_are_reported_at_both_names() =>
        ExpectErrors(() => new UniqueOperationNamesRule(), "query Foo { a: dog { name } }\nmutation Foo { b: dog { name } }",
            Error("There can be only one operation named \"Foo\".", (1, 7), (2, 10)));
}
