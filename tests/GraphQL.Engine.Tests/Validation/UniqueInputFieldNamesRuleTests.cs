using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class UniqueInputFieldNamesRuleTests
{
    [Fact]
    public void The_same_name_in_nested_objects_is_valid() =>
        ExpectValid(() => new UniqueInputFieldNamesRule(), "{ field(arg: { f: { f: true } }) }");

    [Fact]
    public void A_repeated_input_field_is_reported_at_both_names() =>
        ExpectErrors(() => new UniqueInputFieldNamesRule(), "{ field(arg: { f1: \"value\", f1: \"value\" }) }",
            Error("There can be only one input field named \"f1\".", (1, 16), (1, 29)));
}
