using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class ProvidedRequiredArgumentsRuleTests
{
    [Fact]
    public void Arguments_with_defaults_may_be_omitted() =>
        ExpectValid(() => new ProvidedRequiredArgumentsRule(), "{ complicatedArgs { multipleOpts nonNullFieldWithDefault } }");

    [Fact]
    public void Missing_required_arguments_are_reported_by_coordinate() =>
        ExpectErrors(() => new ProvidedRequiredArgumentsRule(), "{ complicatedArgs { multipleReqs(req2: 1) } }",
            Error("Argument \"ComplicatedArgs.multipleReqs(req1:)\" of type \"Int!\" is required, but it was not provided.", (1, 21)));

    [Fact]
    public void A_directive_without_its_required_argument_is_reported() =>
        ExpectErrors(() => new ProvidedRequiredArgumentsRule(), "{ dog @include { name } }",
            Error("Argument \"@include(if:)\" of type \"Boolean!\" is required, but it was not provided.", (1, 7)));
}
