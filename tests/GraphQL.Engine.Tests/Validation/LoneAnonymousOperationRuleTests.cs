using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class LoneAnonymousOperationRuleTests
{
    [Fact]
    public void One_anonymous_operation_with_fragments_is_valid() =>
        ExpectValid(() => new LoneAnonymousOperationRule(), "{ dog { ...F } } fragment F on Dog { name }");

    [Fact]
    public void An_anonymous_operation_beside_another_is_reported() =>
        ExpectErrors(() => new LoneAnonymousOperationRule(), "{ dog { name } }\nquery Foo { dog { name } }",
            Error("This anonymous operation must be the only defined operation.", (1, 1)));
}
