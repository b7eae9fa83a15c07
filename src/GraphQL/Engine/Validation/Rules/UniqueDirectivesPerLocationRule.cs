using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.7.3 "Directives Are Unique Per Location" (unless repeatable).</summary>
public sealed class UniqueDirectivesPerLocationRule : ValidationRule
{
    private Dictionary<string, bool>? _unique;
    private readonly Dictionary<string, DirectiveNode> _schemaDirectives = new();
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _typeDirectives = new();
    private readonly Dictionary<string, Dictionary<string, DirectiveNode>> _directiveDirectives = new();

    public override bool Enter(Node node, ValidationContext context)
    {
        var directives = node switch
        {
            OperationDefinitionNode n => n.Directives,
            VariableDefinitionNode n => n.Directives,
            SelectionNode n => n.Directives,
            FragmentDefinitionNode n => n.Directives,
            SchemaDefinitionNode n => n.Directives,
            SchemaExtensionNode n => n.Directives,
            TypeDefinitionOrExtensionNode n => n.Directives,
            FieldDefinitionNode n => n.Directives,
            InputValueDefinitionNode n => n.Directives,
            EnumValueDefinitionNode n => n.Directives,
            DirectiveDefinitionNode n => n.Directives,
            DirectiveExtensionNode n => n.Directives,
            _ => null,
        };
        if (directives is null) return true;
        if (_unique is null)
        {
            _unique = new Dictionary<string, bool>();
            foreach (var d in context.Schema.Directives) _unique[d.Name] = !d.IsRepeatable;
            foreach (var def in context.Document.Definitions.OfType<DirectiveDefinitionNode>()) _unique[def.Name.Value] = !def.Repeatable;
        }
        Dictionary<string, DirectiveNode> seen;
        if (node is SchemaDefinitionNode or SchemaExtensionNode) seen = _schemaDirectives;
        else if (node is TypeDefinitionOrExtensionNode t)
        {
            if (!_typeDirectives.TryGetValue(t.Name.Value, out seen!)) _typeDirectives[t.Name.Value] = seen = new();
        }
        else if (node is DirectiveDefinitionNode or DirectiveExtensionNode)
        {
            var directiveName = node is DirectiveDefinitionNode dd ? dd.Name.Value : ((DirectiveExtensionNode)node).Name.Value;
            if (!_directiveDirectives.TryGetValue(directiveName, out seen!)) _directiveDirectives[directiveName] = seen = new();
        }
        else seen = new();
        foreach (var directive in directives)
        {
            var name = directive.Name.Value;
            if (_unique.GetValueOrDefault(name) != true) continue;
            if (seen.TryGetValue(name, out var previous))
                context.ReportError(GraphQLError.At($"The directive \"@{name}\" can only be used once at this location.", previous, directive));
            else
                seen[name] = directive;
        }
        return true;
    }
}
