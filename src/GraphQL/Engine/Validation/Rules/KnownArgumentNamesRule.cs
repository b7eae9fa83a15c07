using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.4.1 "Argument Names": every argument must be defined by the field or directive.</summary>
public sealed class KnownArgumentNamesRule : ValidationRule
{
    private Dictionary<string, List<string>>? _directiveArgs;

    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is DirectiveNode directive)
        {
            if (_directiveArgs is null)
            {
                _directiveArgs = new Dictionary<string, List<string>>();
                foreach (var d in context.Schema.Directives) _directiveArgs[d.Name] = d.Arguments.Select(a => a.Name).ToList();
                foreach (var def in context.Document.Definitions.OfType<DirectiveDefinitionNode>())
                    _directiveArgs[def.Name.Value] = def.Arguments.Select(a => a.Name.Value).ToList();
            }
            var directiveName = directive.Name.Value;
            if (_directiveArgs.TryGetValue(directiveName, out var known))
            {
                foreach (var arg in directive.Arguments)
                {
                    var argName = arg.Name.Value;
                    if (!known.Contains(argName))
                        context.ReportError(GraphQLError.At($"Unknown argument \"{argName}\" on directive \"@{directiveName}\"." +
                                                            Suggestions.DidYouMean(Suggestions.List(argName, known)), arg));
                }
            }
            return false;
        }
        if (node is ArgumentNode argument && context.Argument is null && context.FieldDef is { } fieldDef && context.ParentType is { } parent)
        {
            var argName = argument.Name.Value;
            context.ReportError(GraphQLError.At($"Unknown argument \"{argName}\" on field \"{Introspection.IntrospectionTypes.FieldCoordinate(parent, fieldDef)}\"." +
                                                Suggestions.DidYouMean(Suggestions.List(argName, fieldDef.Arguments.Select(a => a.Name))), argument));
        }
        return true;
    }
}
