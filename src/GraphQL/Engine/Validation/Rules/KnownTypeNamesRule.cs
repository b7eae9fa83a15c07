using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.4.1.2 / 5.8.3 "Fragment Spread Type Existence", "Variables Are Input Types": every named type must exist.</summary>
public sealed class KnownTypeNamesRule : ValidationRule
{
    private static readonly HashSet<string> StandardTypeNames =
        [.. Types.Scalars.BuiltInScalars.All.Select(s => s.Name), .. Introspection.IntrospectionTypes.All.Select(t => t.Name)];

    private HashSet<string>? _definedTypeNames;

    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is not NamedTypeNode named) return true;
        var typeName = named.Name.Value;
        _definedTypeNames ??= [.. context.Document.Definitions.OfType<TypeDefinitionNode>().Select(d => d.Name.Value)];
        if (context.Schema.TypeMap.ContainsKey(typeName) || _definedTypeNames.Contains(typeName)) return true;
        var ancestors = context.Ancestors;
        var definitionNode = ancestors.Count > 1 ? ancestors[1] : null;
        var isSdl = definitionNode is TypeSystemDefinitionNode;
        if (isSdl && StandardTypeNames.Contains(typeName)) return true;
        var typeNames = context.Schema.TypeMap.Keys.Concat(_definedTypeNames).Distinct().ToList();
        var suggested = Suggestions.List(typeName, isSdl ? [.. StandardTypeNames, .. typeNames] : typeNames);
        context.ReportError(GraphQLError.At($"Unknown type \"{typeName}\"." + Suggestions.DidYouMean(suggested), named));
        return true;
    }
}
