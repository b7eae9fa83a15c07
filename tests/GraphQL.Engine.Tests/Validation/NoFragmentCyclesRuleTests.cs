using Cases.GraphQL.Engine.Validation.Rules;
using static Cases.GraphQL.Engine.Tests.Validation.ValidationHarness;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class NoFragmentCyclesRuleTests
{
    [Fact]
    public void Spreading_a_fragment_twice_is_not_a_cycle() =>
        ExpectValid(() => new NoFragmentCyclesRule(), "fragment fragA on Dog { ...fragB, ...fragB } fragment fragB on Dog { name }");

    [Fact]
    public void A_fragment_spreading_itself_is_reported() =>
        ExpectErrors(() => new NoFragmentCyclesRule(), "fragment fragA on Dog { ...fragA }",
            Error("Cannot spread fragment \"fragA\" within itself.", (1, 25)));

    [Fact]
    public void An_indirect_cycle_names_the_path() =>
        ExpectErrors(() => new NoFragmentCyclesRule(), "fragment fragA on Dog { ...fragB }\nfragment fragB on Dog { ...fragC }\nfragment fragC on Dog { ...fragA }",
            Error("Cannot spread fragment \"fragA\" within itself via \"fragB\", \"fragC\".", (1, 25), (2, 25), (3, 25)));
}
