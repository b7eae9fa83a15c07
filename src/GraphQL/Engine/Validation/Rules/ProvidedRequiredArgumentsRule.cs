using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.4.2.1 "Required Arguments": non-null arguments without a default must be given.</summary>
public sealed class ProvidedRequiredArgumentsRule : ValidationRule
{
    private Dictionary<string, List<(string Name, string Type)>>? _directiveRequired;

    public override void Leave(Node node, ValidationContext context)
    {
        if (node is FieldNode field)
        {
            if (context.FieldDef is not { } fieldDef || fieldDef.Arguments.Count == 0) return;
            var provided = field.Arguments.Select(a => a.Name.Value).ToHashSet();
            var coordinate = Introspection.IntrospectionTypes.FieldCoordinate(context.ParentType, fieldDef);
            foreach (var argDef in fieldDef.Arguments)
                if (!provided.Contains(argDef.Name) && argDef.IsRequired)
                    context.ReportError(GraphQLError.At($"Argument \"{coordinate}({argDef.Name}:)\" of type \"{argDef.Type}\" is required, but it was not provided.", field));
        }
        else if (node is DirectiveNode directive)
        {
            if (_directiveRequired is null)
            {
                _directiveRequired = new Dictionary<string, List<(string, string)>>();
                foreach (var d in context.Schema.Directives)
                    _directiveRequired[d.Name] = d.Arguments.Where(a => a.IsRequired).Select(a => (a.Name, a.Type.ToString()!)).ToList();
                foreach (var def in context.Document.Definitions.OfType<DirectiveDefinitionNode>())
                    _directiveRequired[def.Name.Value] = def.Arguments.Where(a => a.Type is NonNullTypeNode && a.DefaultValue is null)
                        .Select(a => (a.Name.Value, Printer.Print(a.Type))).ToList();
            }
            var name = directive.Name.Value;
            if (!_directiveRequired.TryGetValue(name, out var required)) return;
            var provided = directive.Arguments.Select(a => a.Name.Value).ToHashSet();
            foreach (var (argName, argType) in required)
                if (!provided.Contains(argName))
                    context.ReportError(GraphQLError.At($"Argument \"@{name}({argName}:)\" of type \"{argType}\" is required, but it was not provided.", directive));
        }
    }
}
