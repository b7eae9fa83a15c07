namespace Cases.GraphQL.Engine.Introspection;

/// <summary>
/// graphql-js 17's <c>getIntrospectionQuery</c> with every option on (descriptions, specifiedByURL, isRepeatable,
/// the schema's description, deprecated input values, isOneOf): the document GraphiQL, codegen and other tools send
/// first, for tests and benchmarks to send as they do.
/// </summary>
public static class IntrospectionQuery
{
    /// <param name="typeDepth">How deep the type references nest <c>ofType</c> (graphql-js's default is 9).</param>
    public static string Full(int typeDepth = 9) => $$"""
        query IntrospectionQuery {
          __schema {
            description queryType { name kind } mutationType { name kind } subscriptionType { name kind }
            types { ...FullType }
            directives { name description isRepeatable locations args(includeDeprecated: true) { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description specifiedByURL isOneOf
          fields(includeDeprecated: true) { name description args(includeDeprecated: true) { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields(includeDeprecated: true) { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue isDeprecated deprecationReason }
        fragment TypeRef on __Type { {{TypeRef(typeDepth)}} }
        """;

    private static string TypeRef(int typeDepth) =>
        "kind name" + string.Concat(Enumerable.Repeat(" ofType { kind name", typeDepth)) + new string('}', typeDepth);
}
