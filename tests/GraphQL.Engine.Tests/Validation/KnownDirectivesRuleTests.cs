using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class KnownDirectivesRuleTests
{
    [Fact]
    public void Known_directives_in_their_locations_are_valid() =>
        ExpectValid(() => new KnownDirectivesRule(), "{ dog @include(if: true) { name @onField } human @skip(if: false) { name } }");

    [Fact]
    public void Unknown_directives_are_reported() =>
        ExpectErrors(() => new KnownDirectivesRule(), "{ dog @unknown(directive: \"value\") { name } }",
            Error("Unknown directive \"@unknown\".", (1, 7)));

    [Fact]
    public void Directives_in_the_wrong_place_are_reported() =>
        ExpectErrors(() => new KnownDirectivesRule(), "query Foo($var: Boolean @onField) @include(if: true) { name @onField }",
            Error("Directive \"@onField\" may not be used on VARIABLE_DEFINITION.", (1, 25)),
            Error("Directive \"@include\" may not be used on QUERY.", (1, 35)));
}
