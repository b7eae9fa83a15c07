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
