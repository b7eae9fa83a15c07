using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.1.1 "Executable Definitions": a document for execution holds only operations and fragments.</summary>
public sealed class ExecutableDefinitionsRule : ValidationRule
{
    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is not DocumentNode document) return true;
        foreach (var definition in document.Definitions)
        {
            if (definition is ExecutableDefinitionNode) continue;
            var name = definition switch
            {
                SchemaDefinitionNode or SchemaExtensionNode => "schema",
                TypeDefinitionOrExtensionNode t => $"\"{t.Name.Value}\"",
                DirectiveDefinitionNode d => $"\"{d.Name.Value}\"",
                DirectiveExtensionNode d => $"\"{d.Name.Value}\"",
                _ => "unknown",
            };
            context.ReportError(GraphQLError.At($"The {name} definition is not executable.", definition));
        }
        return false;
    }
}
