namespace Cases.GraphQL.Engine.Validation;

public sealed partial record ValidationLimits
{
    /// <summary>
    /// Limits for an endpoint open to anyone on the internet. Data queries: 12 levels, cost 20,000, 50 aliases,
    /// 64 K characters. Introspection is measured apart (<see cref="Limits.IntrospectionBudget"/>): depth 20 and cost
    /// 25,000 admit graphql-js getIntrospectionQuery with every option and a <c>typeDepth</c> up to 14 (the default
    /// is 9: depth 15, cost about 16,400), and one <c>__schema</c> or <c>__type</c> per operation, so a document
    /// cannot ask for the whole schema twice. Hosts change single values with <c>with { ... }</c>.
    /// </summary>
    public static ValidationLimits PublicEndpoint { get; } = new()
    {
        MaxDepth = 12,
        MaxCost = 20_000,
        MaxAliases = 50,
        MaxDocumentLength = 64 * 1024,
        MaxIntrospectionDepth = 20,
        MaxIntrospectionCost = 25_000,
        MaxIntrospectionFields = 1,
    };
}
