using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class OverlappingFieldsCanBeMergedRuleTests
{
    [Fact]
    public void Identical_fields_and_different_args_on_exclusive_types_are_valid() =>
        ExpectValid(() => new OverlappingFieldsCanBeMergedRule(), """
            fragment F on Pet {
              ... on Dog { name: nickname }
              ... on Cat { name }
            }
            """);

    [Fact]
    public void Same_alias_for_different_fields_is_reported() =>
        ExpectErrors(() => new OverlappingFieldsCanBeMergedRule(), "fragment F on Dog { fido: name fido: nickname }",
            Error("Fields \"fido\" conflict because \"name\" and \"nickname\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 21), (1, 32)));

    [Fact]
    public void Different_arguments_are_reported() =>
        ExpectErrors(() => new OverlappingFieldsCanBeMergedRule(), "fragment F on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) }",
            Error("Fields \"doesKnowCommand\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", (1, 21), (1, 54)));

    [Fact]
    public void Conflicting_subfields_are_reported_with_all_their_locations() =>
        ExpectErrors(() => new OverlappingFieldsCanBeMergedRule(), "{ dog { x: name } dog { x: barks } }",
            Error("Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
                (1, 3), (1, 9), (1, 19), (1, 25)));

    [Fact]
    public void Conflicts_through_fragments_are_found() =>
        ExpectErrors(() => new OverlappingFieldsCanBeMergedRule(), "{ dog { ...A ...B } } fragment A on Dog { x: name } fragment B on Dog { x: barks }",
            Error("Fields \"x\" conflict because \"name\" and \"barks\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", (1, 43), (1, 73)));

    [Fact]
    public void Many_repeated_fragment_spreads_are_validated_quickly()
    {
        var spreads = string.Join(" ", Enumerable.Range(0, 500).Select(_ => "...A"));
        // Compared pairwise without memoising the fragment, 500 spreads are 125,000 comparisons of it: the run shows it.
        ExpectValid(() => new OverlappingFieldsCanBeMergedRule(), $"{{ dog {{ {spreads} }} }} fragment A on Dog {{ name barks }}");
    }
}
