using Cases.GraphQL.Engine.Errors;
using Cases.GraphQL.Engine.Language;
using Cases.GraphQL.Engine.Types;

namespace Cases.GraphQL.Engine.Validation.Rules;

/// <summary>Spec 5.2.3.1 "Lone Anonymous Operation": an anonymous operation must be the only operation.</summary>
public sealed class LoneAnonymousOperationRule : ValidationRule
{
    private int _operationCount;

    public override bool Enter(Node node, ValidationContext context)
    {
        if (node is DocumentNode d) _operationCount = d.Definitions.Count(x => x is OperationDefinitionNode);
        else if (node is OperationDefinitionNode { Name: null } op && _operationCount > 1)
            context.ReportError(GraphQLError.At("This anonymous operation must be the only defined operation.", op));
        return true;
    }
}
