using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>graphql-js NoSchemaIntrospectionCustomRule: used when introspection is turned off; __typename stays allowed.</summary>
public sealed class NoSchemaIntrospectionRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is FieldNode field && context.Type is { } type && TypeRules.NamedType(type) is { } named
            && Introspection.IntrospectionTypes.IsIntrospectionType(named))
            context.ReportError(GraphQLError.At($"GraphQL introspection has been disabled, but the requested query contained the field \"{field.Name.Value}\".", field));
        return true;
    }
}
