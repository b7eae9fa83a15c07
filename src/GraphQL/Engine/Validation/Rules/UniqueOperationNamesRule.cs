using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.2.2.1 "Operation Name Uniqueness".</summary>
public sealed class UniqueOperationNamesRule : ValidationRule
{
    private readonly Dictionary<string, NameNode> _known = new();

    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is OperationDefinitionNode { Name: { } name })
        {
            if (_known.TryGetValue(name.Value, out var known))
                context.ReportError(GraphQLError.At($"There can be only one operation named \"{name.Value}\".", known, name));
            else
                _known[name.Value] = name;
        }
        return node is not (OperationDefinitionNode or FragmentDefinitionNode);
    }
}
