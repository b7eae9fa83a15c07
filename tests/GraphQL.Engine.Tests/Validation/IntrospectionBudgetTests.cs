using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Validation;

namespace Cases.GraphQL.Engine.Tests.Validation;

/// <summary>Introspection measured apart from data queries: its own depth, cost and number of fields.</summary>
public class IntrospectionBudgetTests
{
    private static string FullIntrospection(int typeDepth = 9) => global::Cases.GraphQL.Engine.Introspection.IntrospectionQuery.Full(typeDepth);

    private static List<(string Message, object? Code)> Errors(string query, ValidationLimits limits) =>
        DocumentValidator.Validate(ValidationHarness.TestSchema, Parser.Parse(query), limits)
            .Select(e => (e.Message, e.Extensions?["code"])).ToList();

    [Fact]
    public void Without_an_allowance_the_standard_introspection_query_is_too_deep_for_a_public_depth_limit() =>
        Assert.Equal([("Operation \"IntrospectionQuery\" is too deep: depth 15 exceeds the maximum of 12.", (object?)"MAX_DEPTH_EXCEEDED")],
            Errors(FullIntrospection(), ValidationLimits.PublicEndpoint with { MaxIntrospectionDepth = null }));

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(14)]
    public void The_public_endpoint_admits_the_standard_introspection_query_up_to_type_depth_14(int typeDepth) =>
        Assert.Empty(Errors(FullIntrospection(typeDepth), ValidationLimits.PublicEndpoint));

    [Fact]
    public void Deeper_introspection_is_refused_with_its_own_code()
    {
        var errors = Errors(FullIntrospection(15), ValidationLimits.PublicEndpoint);
        Assert.Contains(("Operation \"IntrospectionQuery\" introspects too deep: depth 21 exceeds the introspection maximum of 20.", (object?)"INTROSPECTION_TOO_DEEP"), errors);
    }

    [Fact]
    public void Introspection_leaves_the_data_budget_but_data_fields_beside_it_keep_theirs()
    {
        var limits = new ValidationLimits { MaxDepth = 3, MaxIntrospectionDepth = 10 };
        Assert.Empty(Errors("{ __type(name: \"Dog\") { fields { type { ofType { ofType { name } } } } } dog { name } }", limits));
        Assert.Equal([("Operation is too deep: depth 4 exceeds the maximum of 3.", (object?)"MAX_DEPTH_EXCEEDED")],
            Errors("{ __type(name: \"Dog\") { name } dog { mother { mother { name } } } }", limits));
    }

    [Fact]
    public void Only_the_allowed_number_of_introspection_fields_counting_aliases_and_fragments()
    {
        var limits = new ValidationLimits { MaxIntrospectionDepth = 10, MaxIntrospectionFields = 1 };
        Assert.Empty(Errors("{ __schema { queryType { name } } }", limits));
        const string message = "Operation asks for introspection 2 times: at most 1 __schema or __type field is allowed.";
        Assert.Equal([(message, (object?)"INTROSPECTION_LIMIT_EXCEEDED")], Errors("{ a: __schema { queryType { name } } b: __schema { types { name } } }", limits));
        Assert.Equal([(message, (object?)"INTROSPECTION_LIMIT_EXCEEDED")], Errors("{ ...Q __type(name: \"Dog\") { name } } fragment Q on QueryRoot { __schema { queryType { name } } }", limits));
    }

    [Fact]
    public void Repeating_the_schema_under_aliases_inside_one_introspection_field_exceeds_its_cost()
    {
        // About 16,400 once: twice the types subtree is more than the public allowance of 25,000.
        var twice = FullIntrospection().Replace("types { ...FullType }", "types { ...FullType } again: types { ...FullType }");
        var errors = Errors(twice, ValidationLimits.PublicEndpoint);
        Assert.Equal("INTROSPECTION_TOO_EXPENSIVE", Assert.Single(errors).Code);
    }
}
