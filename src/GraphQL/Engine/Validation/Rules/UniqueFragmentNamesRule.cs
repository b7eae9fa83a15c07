using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.5.1.1 "Fragment Name Uniqueness".</summary>
public sealed class UniqueFragmentNamesRule : ValidationRule
{
    private readonly Dictionary<string, NameNode> _known = new();

    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is FragmentDefinitionNode fragment)
        {
            var name = fragment.Name.Value;
            if (_known.TryGetValue(name, out var known))
                context.ReportError(GraphQLError.At($"There can be only one fragment named \"{name}\".", known, fragment.Name));
            else
                _known[name] = fragment.Name;
        }
        return node is not (OperationDefinitionNode or FragmentDefinitionNode);
    }
}
