using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Validation;

namespace Cases.GraphQL.Engine.Tests.Validation;

public class OperationLimitsTests
{
    private static IEnumerable<string> Errors(string query, ValidationLimits limits) =>
        DocumentValidator.Validate(ValidationHarness.TestSchema, Parser.Parse(query), limits).Select(e => e.Message);

    [Fact]
    public void Depth_counts_nested_fields_through_fragments()
    {
        const string query = "{ dog { ...F } } fragment F on Dog { mother { mother { name } } }";
        Assert.Empty(Errors(query, new ValidationLimits { MaxDepth = 4 }));
        Assert.Equal(["Operation is too deep: depth 4 exceeds the maximum of 3."], Errors(query, new ValidationLimits { MaxDepth = 3 }));
    }

    [Fact]
    public void Aliases_are_counted()
    {
        Assert.Equal(["Operation \"Q\" uses too many aliases: 3 exceeds the maximum of 2."],
            Errors("query Q { a: dog { name } b: dog { name } c: cat { name } }", new ValidationLimits { MaxAliases = 2 }));
    }

    [Fact]
    public void Cost_multiplies_list_fields_by_the_default_list_size()
    {
        // human (1) + relatives: list of 10 × (Human object 1 + pets: list of 10 × Pet 1) = 1 + 10 × (1 + 10) = 111
        const string query = "{ human { relatives { pets { name } } } }";
        Assert.Empty(Errors(query, new ValidationLimits { MaxCost = 111 }));
        Assert.Equal(["Operation is too expensive: cost 111 exceeds the maximum of 110."], Errors(query, new ValidationLimits { MaxCost = 110 }));
    }

    [Fact]
    public void Fragments_spreading_fragments_many_times_are_measured_in_linear_time()
    {
        // 40 levels, each spreading the next twice: 2^40 expansions if fragments were not memoised.
        var fragments = string.Concat(Enumerable.Range(0, 40).Select(i => $"fragment F{i} on Dog {{ mother {{ ...F{i + 1} }} father {{ ...F{i + 1} }} }}\n"));
        var query = "{ dog { ...F0 } }\n" + fragments + "fragment F40 on Dog { name }";
        // Not memoised, this would not finish: the test would hang rather than pass.
        var errors = Errors(query, new ValidationLimits { MaxDepth = 10, MaxCost = 1000 }).ToList();
        Assert.Contains("Operation is too deep: depth 42 exceeds the maximum of 10.", errors);
        Assert.Contains(errors, e => e.StartsWith("Operation is too expensive", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chain_of_many_thousand_fragments_is_refused_before_any_rule_recurses()
    {
        var fragments = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"fragment F{i} on Dog {{ name ...F{i + 1} }}\n"));
        var document = Parser.Parse("{ dog { ...F0 } }\n" + fragments + "fragment F20000 on Dog { name }", new ParseOptions { MaxTokens = null });
        var error = Assert.Single(DocumentValidator.Validate(ValidationHarness.TestSchema, document));
        Assert.EndsWith("nests fragment spreads more than 1000 deep.", error.Message);
    }

    [Fact]
    public void Validation_stops_at_the_error_limit()
    {
        var query = "{ " + string.Concat(Enumerable.Range(0, 150).Select(i => $"unknown{i} ")) + "}";
        var errors = Errors(query, new ValidationLimits()).ToList();
        Assert.Equal(101, errors.Count);
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[^1]);
    }

    [Fact]
    public void The_document_length_is_checked_before_parsing() =>
        Assert.Equal("Document is too long: 12 characters, the maximum is 10.",
            DocumentValidator.CheckLength("{ dog { a } }"[..12], new ValidationLimits { MaxDocumentLength = 10 })!.Message);
}
