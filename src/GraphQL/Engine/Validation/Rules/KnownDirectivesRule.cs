using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.7.1 "Directives Are Defined" and 5.7.2 "Directives Are In Valid Locations".</summary>
public sealed class KnownDirectivesRule : ValidationRule
{
    private Dictionary<string, HashSet<string>>? _locations;

    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is not DirectiveNode directive) return true;
        _locations ??= BuildLocations(context);
        var name = directive.Name.Value;
        if (!_locations.TryGetValue(name, out var locations))
        {
            context.ReportError(GraphQLError.At($"Unknown directive \"@{name}\".", directive));
            return true;
        }
        var ancestors = context.Ancestors;
        var candidate = LocationFor(ancestors.Count >= 2 ? ancestors[^2] : null, ancestors.Count >= 3 ? ancestors[^3] : null);
        if (candidate is not null && !locations.Contains(candidate))
            context.ReportError(GraphQLError.At($"Directive \"@{name}\" may not be used on {candidate}.", directive));
        return true;
    }

    private static Dictionary<string, HashSet<string>> BuildLocations(ValidationContext context)
    {
        var map = new Dictionary<string, HashSet<string>>();
        foreach (var d in context.Schema.Directives) map[d.Name] = d.Locations.Select(l => l.SpecName()).ToHashSet();
        foreach (var def in context.Document.Definitions.OfType<DirectiveDefinitionNode>())
            map[def.Name.Value] = def.Locations.Select(l => l.Value).ToHashSet();
        return map;
    }

    private static string? LocationFor(Node? appliedTo, Node? grandParent) => appliedTo switch
    {
        OperationDefinitionNode op => op.Operation switch
        {
            OperationType.Query => "QUERY",
            OperationType.Mutation => "MUTATION",
            _ => "SUBSCRIPTION",
        },
        FieldNode => "FIELD",
        FragmentSpreadNode => "FRAGMENT_SPREAD",
        InlineFragmentNode => "INLINE_FRAGMENT",
        FragmentDefinitionNode => "FRAGMENT_DEFINITION",
        VariableDefinitionNode => "VARIABLE_DEFINITION",
        SchemaDefinitionNode or SchemaExtensionNode => "SCHEMA",
        ScalarTypeDefinitionNode or ScalarTypeExtensionNode => "SCALAR",
        ObjectTypeDefinitionNode or ObjectTypeExtensionNode => "OBJECT",
        FieldDefinitionNode => "FIELD_DEFINITION",
        InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => "INTERFACE",
        UnionTypeDefinitionNode or UnionTypeExtensionNode => "UNION",
        EnumTypeDefinitionNode or EnumTypeExtensionNode => "ENUM",
        EnumValueDefinitionNode => "ENUM_VALUE",
        InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => "INPUT_OBJECT",
        DirectiveDefinitionNode or DirectiveExtensionNode => "DIRECTIVE_DEFINITION",
        InputValueDefinitionNode => grandParent is InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode ? "INPUT_FIELD_DEFINITION" : "ARGUMENT_DEFINITION",
        _ => null,
    };
}
